// Time to a shell prompt (issue 9): the app's whole session path (backend in
// process, the contract's sessions.open → kept connection → PTY shell →
// terminal.data) against OpenSSH's `ssh -tt` to the same sshd on 127.0.0.1, in
// the same run, for
//   (a) a first connection (no kept connection: key exchange and login), and
//   (b) a new tab on a kept connection, against OpenSSH's ControlMaster mux.
//
//   npx tsx bench/shell-prompt.ts          (about 10 s; BENCH_RUNS=7)
//
// "Prompt" is the same on both sides: a PTY with an interactive shell, then
// `echo FW""MARK` typed, timed until `FWMARK` comes back (the typed line
// echoes as FW""MARK, so only the shell's output matches). The app types it at
// `session.state` connected; ssh gets it on stdin at once and forwards it when
// the channel opens. Times start at sessions.open (the app is running) and at
// spawning ssh (a process start is part of OpenSSH's cost). OpenSSH is pinned
// to the key exchange and cipher the app negotiated, read from sshd's log;
// OpenSSH with its own defaults is printed for reference.
//
// Not a test: prints medians and ratios. Quote ratios, not absolute figures:
// the build machine has 2 shared cores.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Api } from '../src/shared/contract/api';
import { startTestBackend, type TestBackend } from '../test/fixtures/app/backend';
import { startSshd, type Sshd } from '../test/fixtures/sshd';
import { makeKeyDir, type KeyDir } from '../test/integration/ssh/support';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const COMMAND = 'echo FW""MARK\n';
const MARK = 'FWMARK';
const WAIT_MS = 15_000;
/** The whole bench is bounded: past this, it cleans up and fails. */
const WATCHDOG_MS = 90_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[]) =>
  `${median(values).toFixed(1)} ms [${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}]`;

/** Times the app's tabs through the contract: sessions.open until the marker's output. */
function appTimer(api: Api) {
  interface Rec {
    text: string;
    markAt?: number;
    reused?: boolean;
    failed?: string;
    wake?: () => void;
  }
  const recs = new Map<string, Rec>();
  const rec = (id: string) => recs.get(id) ?? recs.set(id, { text: '' }).get(id)!;
  let hostKeyPrompts = 0;
  api.on('terminal.data', ({ sessionId, data }) => {
    const r = rec(sessionId);
    void api.terminal.ack({ sessionId, bytes: data.byteLength }).catch(() => {});
    if (r.markAt !== undefined) return;
    r.text += Buffer.from(data).toString('latin1');
    if (r.text.includes(MARK)) {
      r.markAt = performance.now();
      r.wake?.();
    }
  });
  api.on('session.state', (s) => {
    const r = rec(s.sessionId);
    if (s.state === 'connected') {
      r.reused = s.reused;
      void api.terminal.write({ sessionId: s.sessionId, data: COMMAND });
    } else if (s.state === 'disconnected' && r.markAt === undefined) {
      r.failed = JSON.stringify(s.error ?? { exitCode: s.exitCode });
      r.wake?.();
    }
  });
  // The first connect asks about the host key; later ones find it remembered.
  api.on('prompt.opened', (p) => {
    if (p.kind !== 'hostKey') return;
    hostKeyPrompts++;
    void api.prompts.answer({ id: p.id, answer: { kind: 'hostKey', decision: 'acceptAndRemember' } });
  });

  return {
    hostKeyPrompts: () => hostKeyPrompts,
    /** Opens a tab, waits for the marker, closes the tab (its connection stays kept). */
    async tab(profileId: string): Promise<{ ms: number; reused: boolean }> {
      const started = performance.now();
      const { sessionId } = await api.sessions.open({ profileId, cols: 120, rows: 40 });
      const r = rec(sessionId);
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`app: no ${MARK} in ${WAIT_MS} ms`)), WAIT_MS);
          r.wake = () => {
            clearTimeout(timer);
            if (r.markAt !== undefined) resolve();
            else reject(new Error(`app session ended: ${r.failed}`));
          };
          if (r.markAt !== undefined || r.failed) r.wake();
        });
        return { ms: r.markAt! - started, reused: r.reused === true };
      } finally {
        await api.sessions.close({ sessionId }).catch(() => {});
        recs.delete(sessionId);
      }
    },
    /** Ends every kept connection: the next tab logs in anew. */
    async closeConnections(): Promise<void> {
      for (const c of await api.connections.list()) await api.connections.close({ id: c.id });
    },
  };
}

/** Every ssh started here, to kill any left over on failure. */
const children = new Set<ChildProcess>();

/** Spawns ssh with the marker command on stdin; resolves with the time until its output shows the marker. */
function sshToMarker(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('ssh', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    let text = '';
    let stderr = '';
    let ms: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), WAIT_MS);
    child.stdin.on('error', () => {});
    child.stdin.write(COMMAND);
    child.stdout.on('data', (d: Buffer) => {
      if (ms !== undefined) return;
      text += d.toString('latin1');
      if (text.includes(MARK)) {
        ms = performance.now() - started;
        child.stdin.end('exit\n');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (ms !== undefined) resolve(ms);
      else reject(new Error(`ssh ended (${code ?? signal}) without ${MARK}: ${stderr.trim()}`));
    });
  });
}

/** Negotiated algorithms as sshd logged them (LogLevel DEBUG1), counted per connection. */
function negotiated(log: string): { kex: string[]; cipher: string[]; mac: string[] } {
  const all = (re: RegExp) => [...log.matchAll(re)].map((m) => m[1]!);
  return {
    kex: all(/kex: algorithm: (\S+)/g),
    cipher: all(/kex: client->server cipher: (\S+)/g),
    mac: all(/kex: client->server cipher: \S+ MAC: (\S+)/g),
  };
}
const tally = (names: string[]) =>
  Object.entries(names.reduce<Record<string, number>>((acc, n) => ((acc[n] = (acc[n] ?? 0) + 1), acc), {}))
    .map(([n, c]) => `${n} ×${c}`)
    .join(', ') || 'none';

/** OpenSSH's name for what ssh2 offers under its libssh alias. */
const opensshKexName = (name: string) => name.replace(/@libssh\.org$/, '');

async function main(): Promise<void> {
  let keys: KeyDir | undefined;
  let sshd: Sshd | undefined;
  let app: TestBackend | undefined;
  let controlPath: string | undefined;
  const cleanup = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    if (controlPath && sshd) stopMaster(controlPath, sshd);
    await app?.cleanup().catch(() => {});
    await sshd?.stop();
    keys?.remove();
  };
  const watchdog = setTimeout(() => {
    console.error(`shell-prompt bench: over ${WATCHDOG_MS / 1000} s, stopping`);
    void cleanup().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  try {
    keys = makeKeyDir();
    const { publicKey } = keys.make('id');
    const keyPath = join(keys.dir, 'id');
    controlPath = join(keys.dir, 'cm');
    sshd = await startSshd({
      authorizedKeys: [publicKey],
      extraConfig: ['MaxStartups 100', 'LogLevel DEBUG1'],
    });
    const server = sshd;
    const knownHostsFile = join(keys.dir, 'known_hosts');
    const base = [
      '-F',
      '/dev/null',
      '-tt',
      '-p',
      String(server.port),
      '-i',
      keyPath,
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      'IdentityAgent=none',
      '-o',
      'BatchMode=yes',
      '-o',
      'StrictHostKeyChecking=no',
      '-o',
      `UserKnownHostsFile=${knownHostsFile}`,
      '-o',
      'LogLevel=ERROR',
    ];
    const target = `${server.user}@127.0.0.1`;

    app = startTestBackend();
    await app.backend.agentService.ready();
    await app.api.settings.update({ firmPrefix: 'iserv', fullName: 'max.mustermann', email: 'max@firma.de' });
    const { id: profileId } = await app.api.profiles.save({
      kind: 'portal',
      name: 'Bench',
      host: '127.0.0.1',
      port: server.port,
      user: server.user,
      keyPath,
    });
    let timer = appTimer(app.api);

    // Warm-up (not timed): the host key is accepted and remembered, the key loaded, the JIT warm.
    let logMark = server.log().length;
    for (let i = 0; i < 2; i++) {
      await timer.tab(profileId);
      await timer.closeConnections();
    }
    if (timer.hostKeyPrompts() !== 1)
      throw new Error(`expected 1 host key prompt, saw ${timer.hostKeyPrompts()}`);
    const appAlgs = negotiated(server.log().slice(logMark));
    const appKex = appAlgs.kex[0];
    const appCipher = appAlgs.cipher[0];
    const appMac = appAlgs.mac[0];
    if (!appKex || !appCipher || !appMac) throw new Error('sshd logged no key exchange (LogLevel DEBUG1?)');
    const pins = [
      '-o',
      `KexAlgorithms=${opensshKexName(appKex)}`,
      '-o',
      `Ciphers=${appCipher}`,
      ...(appMac === '<implicit>' ? [] : ['-o', `MACs=${appMac}`]),
    ];
    const pinned = [...base, ...pins, '-o', 'ControlMaster=no', '-o', 'ControlPath=none'];
    const defaults = [...base, '-o', 'ControlMaster=no', '-o', 'ControlPath=none'];
    await sshToMarker([...pinned, target]);
    await sshToMarker([...defaults, target]);

    // (a) First connection: no kept connection before each app tab; runs interleaved.
    const app1: number[] = [];
    const ssh1: number[] = [];
    const sshDefault: number[] = [];
    const logs = { app: '', ssh: '', sshDefault: '' };
    for (let i = 0; i < RUNS; i++) {
      logMark = server.log().length;
      const tab = await timer.tab(profileId);
      if (tab.reused) throw new Error('a first connection reused a kept connection');
      app1.push(tab.ms);
      await timer.closeConnections();
      logs.app += server.log().slice(logMark);
      logMark = server.log().length;
      ssh1.push(await sshToMarker([...pinned, target]));
      logs.ssh += server.log().slice(logMark);
      logMark = server.log().length;
      sshDefault.push(await sshToMarker([...defaults, target]));
      logs.sshDefault += server.log().slice(logMark);
    }

    // (b) A new tab on a kept connection against a ControlMaster client.
    const master = spawnSync(
      'ssh',
      [
        ...base.filter((a) => a !== '-tt'),
        ...pins,
        '-o',
        'ControlMaster=yes',
        '-S',
        controlPath,
        '-o',
        'ControlPersist=60',
        '-N',
        '-f',
        target,
      ],
      // -f forks: the background master must not hold a pipe of ours.
      { stdio: 'ignore', timeout: WAIT_MS },
    );
    if (master.status !== 0) throw new Error(`ControlMaster did not start (${master.status})`);
    const mux = [...base, '-o', 'ControlMaster=no', '-S', controlPath, target];
    await timer.tab(profileId); // the kept connection, then closed tab: it stays for the next
    await sshToMarker(mux);
    const appKept: number[] = [];
    const sshMux: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const tab = await timer.tab(profileId);
      if (!tab.reused) throw new Error('a tab did not reuse the kept connection');
      appKept.push(tab.ms);
      sshMux.push(await sshToMarker(mux));
    }
    stopMaster(controlPath, server);
    controlPath = undefined;

    // For reference: the first connection right after an app start (the key file is read again, as ssh does).
    const appRestart: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      app = await app.restart();
      await app.backend.agentService.ready();
      timer = appTimer(app.api);
      const tab = await timer.tab(profileId);
      if (tab.reused || timer.hostKeyPrompts() !== 0) throw new Error('restart run: reused or asked again');
      appRestart.push(tab.ms);
    }

    const r1 = median(app1) / median(ssh1);
    const rKept = median(appKept) / median(sshMux);
    const algs = `${opensshKexName(appKex)}, ${appCipher}`;
    console.log(
      `time to a shell prompt (PTY shell, typed \`echo\` marker back), sshd on 127.0.0.1, median of ${RUNS} [min–max]:`,
    );
    console.log(
      `(a) first connection: app ${spread(app1)}, OpenSSH ssh (${algs}) ${spread(ssh1)}; ratio app/ssh ${r1.toFixed(2)} (goal ≤ 1.00: ${r1 <= 1 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `    reference: OpenSSH ssh with its default algorithms ${spread(sshDefault)} (app/ssh-defaults ${(median(app1) / median(sshDefault)).toFixed(2)}); app right after a restart (key file read again) ${spread(appRestart)} (app/ssh ${(median(appRestart) / median(ssh1)).toFixed(2)})`,
    );
    console.log(
      `(b) new tab on a kept connection: app ${spread(appKept)}, OpenSSH ControlMaster mux ${spread(sshMux)}; ratio app/mux ${rKept.toFixed(2)} (goal ≤ 3.00: ${rKept <= 3 ? 'met' : 'NOT met'})`,
    );
    const seen = (log: string) => {
      const n = negotiated(log);
      return `kex ${tally(n.kex)}; cipher ${tally(n.cipher)}`;
    };
    console.log(`    negotiated, as sshd logged it: app: ${seen(logs.app)}`);
    console.log(`      OpenSSH pinned: ${seen(logs.ssh)}`);
    console.log(`      OpenSSH defaults: ${seen(logs.sshDefault)}`);
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

/** Ends the ControlMaster: asked politely, then by its pid. */
function stopMaster(controlPath: string, sshd: Pick<Sshd, 'port' | 'user'>): void {
  const args = ['-F', '/dev/null', '-S', controlPath, '-p', String(sshd.port)];
  const check = spawnSync('ssh', [...args, '-O', 'check', `${sshd.user}@127.0.0.1`], {
    encoding: 'utf8',
    timeout: 5_000,
  });
  const pid = Number(/pid=(\d+)/.exec(check.stderr ?? '')?.[1]);
  spawnSync('ssh', [...args, '-O', 'exit', `${sshd.user}@127.0.0.1`], { stdio: 'ignore', timeout: 5_000 });
  if (pid > 0) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone after -O exit.
    }
  }
}

await main();
