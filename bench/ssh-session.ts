// Connection set-up time and bulk terminal throughput: the app's SSH path
// (connectSsh, TerminalSession with flow control and immediate acks) against
// OpenSSH's `ssh` to the same sshd on 127.0.0.1, in the same run.
//
//   npx tsx bench/ssh-session.ts          (about 40 s)
//
// Not a test: prints medians and ratios. Quote ratios, not absolute figures:
// the build machine has 2 shared cores. ssh2 runs here with its optional
// native crypto module when it was built (plain Node); inside Electron it runs
// without (it cannot be rebuilt for Electron here), which the field notes
// measured at about 790 against 920 MB/s (aes128-gcm) in plain Node.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMemoryStore } from '../src/main/storage/document-store';
import { connectSsh } from '../src/main/ssh/connect';
import { emptyKnownHosts, KnownHosts } from '../src/main/ssh/known-hosts';
import { openShell } from '../src/main/terminal/terminal-session';
import { sshArgs, startSshd, type Sshd } from '../test/fixtures/sshd';
import { makeKeyDir } from '../test/integration/ssh/support';

const RUNS = Number(process.env.BENCH_RUNS ?? 12);
const BULK_BYTES = Number(process.env.BENCH_BYTES ?? 200_000_000);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function opensshArgs(key: string, sshd: Sshd): string[] {
  return sshArgs(sshd, ['-q', '-i', key, '-o', 'IdentitiesOnly=yes', '-o', 'IdentityAgent=none']);
}

function timeSsh(args: string[], command: string): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('ssh', [...args, command], { stdio: ['ignore', 'pipe', 'inherit'] });
    let bytes = 0;
    child.stdout.on('data', (d: Buffer) => (bytes += d.length));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, bytes })
        : reject(new Error(`ssh exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const keys = makeKeyDir();
  const { privateKey, publicKey } = keys.make('id');
  const key = join(keys.dir, 'id');
  const sshd = await startSshd({ authorizedKeys: [publicKey], extraConfig: ['MaxStartups 100'] });
  const knownHosts = new KnownHosts(createMemoryStore(emptyKnownHosts()));
  const connect = () =>
    connectSsh({
      host: '127.0.0.1',
      port: sshd.port,
      username: sshd.user,
      auth: { type: 'privateKey', privateKey },
      knownHosts,
      hostKeyPrompter: { decide: async () => 'acceptAndRemember' },
    });
  try {
    // 1. connect, run `true`, close.
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const connection = await connect();
      await new Promise<void>((resolve, reject) =>
        connection.client.exec('true', (error, stream) =>
          error ? reject(error) : stream.on('close', () => resolve()).resume(),
        ),
      );
      await connection.close();
      ours.push(performance.now() - started);
      theirs.push((await timeSsh(opensshArgs(key, sshd), 'true')).ms);
    }
    const connectRatio = median(ours) / median(theirs);
    console.log(
      `connect + exec true + close: app ${median(ours).toFixed(0)} ms, OpenSSH ssh ${median(theirs).toFixed(0)} ms (median of ${RUNS}); ratio app/OpenSSH ${connectRatio.toFixed(2)} (lower is faster)`,
    );

    // 2. bulk output through the terminal path, acked at once (a reader that keeps up).
    const connection = await connect();
    let received = 0;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const marker = 'BULK-DONE';
    let tail = '';
    const terminal = await openShell(connection, {
      cols: 200,
      rows: 50,
      sink: (chunk) => {
        received += chunk.length;
        terminal.ack(chunk.length);
        const text = tail + chunk.toString('latin1');
        if (text.includes(marker)) done();
        tail = text.slice(-marker.length);
      },
    });
    terminal.start();
    terminal.write(`stty -echo; echo READY\n`);
    await new Promise((r) => setTimeout(r, 300));
    const start = received;
    const t0 = performance.now();
    terminal.write(
      `head -c ${BULK_BYTES} /dev/zero | tr '\\0' x; echo; echo ${marker.slice(0, 4)}""${marker.slice(4)}\n`,
    );
    await finished;
    const appMs = performance.now() - t0;
    const appMBps = (received - start) / 1e6 / (appMs / 1000);
    await terminal.close();
    await connection.close();
    const openssh = await timeSsh(
      ['-tt', ...opensshArgs(key, sshd)],
      `head -c ${BULK_BYTES} /dev/zero | tr '\\0' x`,
    );
    const sshMBps = openssh.bytes / 1e6 / (openssh.ms / 1000);
    console.log(
      `terminal output ${BULK_BYTES / 1e6} MB (pty): app ${appMBps.toFixed(0)} MB/s, OpenSSH ssh -tt ${sshMBps.toFixed(0)} MB/s; ratio app/OpenSSH ${(appMBps / sshMBps).toFixed(2)} (higher is faster)`,
    );
  } finally {
    await sshd.stop();
    keys.remove();
  }
}

await main();
