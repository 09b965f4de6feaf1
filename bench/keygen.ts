// Key generation time with a passphrase: the app (ssh2 in the key worker,
// bcrypt at GENERATE_BCRYPT_ROUNDS, aes256-ctr) beside ssh-keygen (same rounds), in one run.
// Run: npx tsx bench/keygen.ts   (not a test; prints medians and ratios)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NewKeyType } from '../src/shared/contract/keys';
import { generateKey, shutdownKeyWorker } from '../src/main/keys';
import { GENERATE_BCRYPT_ROUNDS } from '../src/main/keys/generate';

const execFileAsync = promisify(execFile);
const PASSPHRASE = 'benchmark passphrase, not a secret';
/** Runs per tool and type; RSA-4096 is slow and widely spread on 2 cores, hence fewer (keeps the run under a minute). */
const RUNS: Record<NewKeyType, number> = { ed25519: 7, rsa4096: 3 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-bench-keygen-'));
  try {
    // Warm the worker so its start-up is not charged to the first run.
    await generateKey({ type: 'ed25519', comment: 'warmup', passphrase: PASSPHRASE });
    console.log('type      runs  app median   ssh-keygen median   ratio app/ssh-keygen');
    for (const type of ['ed25519', 'rsa4096'] as const) {
      const app: number[] = [];
      const keygen: number[] = [];
      const args = type === 'ed25519' ? ['-t', 'ed25519'] : ['-t', 'rsa', '-b', '4096'];
      // Interleaved so both see the same machine load.
      for (let i = 0; i < RUNS[type]; i++) {
        app.push(
          await time(() => generateKey({ type, comment: 'bench@example.org', passphrase: PASSPHRASE })),
        );
        const file = join(dir, `${type}-${i}`);
        keygen.push(
          await time(() =>
            execFileAsync('ssh-keygen', [
              '-q',
              ...args,
              '-a',
              String(GENERATE_BCRYPT_ROUNDS),
              '-N',
              PASSPHRASE,
              '-C',
              'bench@example.org',
              '-f',
              file,
            ]),
          ),
        );
      }
      const a = median(app);
      const k = median(keygen);
      console.log(
        `${type.padEnd(9)} ${String(RUNS[type]).padStart(4)}  ${a.toFixed(0).padStart(7)} ms  ${k.toFixed(0).padStart(14)} ms   ${(a / k).toFixed(2).padStart(10)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await shutdownKeyWorker();
  }
}

await main();
