// Sequential sign requests per second: our agent's socket vs OpenSSH's
// ssh-agent, same keys (added with ssh-add to both), same client code, same
// run. Our agent runs in a child process, as it does for ssh: the agent lives
// in the app's main process, its clients elsewhere.
//
//   npx tsx bench/agent-sign.ts            (about 30 s)
//
// Not a test: prints rates and the ratio ours/OpenSSH (goal >= 1).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AgentKeyStore } from '../src/main/agent/key-store';
import { startUnixAgentServer } from '../src/main/agent/transport/unix-socket';
import { SignFlags } from '../src/main/agent/protocol/constants';
import { AgentClient } from '../test/fixtures/agent/agent-client';
import { sshKeygen } from '../test/fixtures/agent/keys';

const run = promisify(execFile);
const SECONDS_PER_CASE = Number(process.env.BENCH_SECONDS ?? 4);

async function serve(path: string): Promise<void> {
  const server = await startUnixAgentServer({ path, store: new AgentKeyStore() });
  process.stdout.write('READY\n');
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

async function startOurs(path: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--serve', path],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => out.includes('READY'), 'our agent');
  return child;
}

async function startOpenSsh(path: string): Promise<ChildProcess> {
  const child = spawn('ssh-agent', ['-D', '-a', path], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(() => existsSync(path), 'ssh-agent');
  return child;
}

async function measure(socket: string, blob: Buffer, flags: number): Promise<number> {
  const client = await AgentClient.connect(socket);
  const data = Buffer.alloc(128, 0x42);
  try {
    for (let i = 0; i < 20; i++) await client.sign(blob, data, flags); // warm-up
    let count = 0;
    const started = process.hrtime.bigint();
    const budget = BigInt(SECONDS_PER_CASE * 1e9);
    while (process.hrtime.bigint() - started < budget) {
      if (!(await client.sign(blob, data, flags))) throw new Error('agent refused to sign');
      count++;
    }
    return count / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    client.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-bench-agent-'));
  const children: ChildProcess[] = [];
  try {
    console.log('Generating keys (RSA-4096 takes a moment)...');
    const [ed, rsa] = await Promise.all([
      sshKeygen(dir, 'id_ed25519', 'ed25519'),
      sshKeygen(dir, 'id_rsa', 'rsa', { bits: 4096 }),
    ]);
    const ours = join(dir, 'ours.sock');
    const openssh = join(dir, 'openssh.sock');
    children.push(await startOurs(ours), await startOpenSsh(openssh));
    for (const socket of [ours, openssh]) {
      for (const key of [ed, rsa]) {
        await run('ssh-add', ['-q', key.privatePath], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
      }
    }
    const blobOf = (line: string) => Buffer.from(line.split(' ')[1]!, 'base64');
    const cases = [
      { name: 'ED25519', blob: blobOf(ed.publicLine), flags: 0 },
      { name: 'RSA-4096 rsa-sha2-512', blob: blobOf(rsa.publicLine), flags: SignFlags.RSA_SHA2_512 },
    ];
    console.log(`Sequential sign requests, ${SECONDS_PER_CASE} s per case, one client connection\n`);
    console.log('key                      ours/s   OpenSSH/s   ours/OpenSSH');
    for (const c of cases) {
      const oursRate = await measure(ours, c.blob, c.flags);
      const theirRate = await measure(openssh, c.blob, c.flags);
      console.log(
        `${c.name.padEnd(22)} ${oursRate.toFixed(0).padStart(8)} ${theirRate.toFixed(0).padStart(11)} ${(oursRate / theirRate).toFixed(2).padStart(14)}`,
      );
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex >= 0) await serve(process.argv[serveIndex + 1]!);
else await main();
