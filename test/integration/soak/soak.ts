// Load and soak (issue 13): 20 sessions through the whole backend and contract
// against real OpenSSH sshd, with output flowing for a bounded time, while
// OpenSSH's ssh-add asks the app's agent socket for its keys every few hundred
// milliseconds. The sessions: several tabs of one Portalserver profile on one
// kept connection (reused), separate connections (other servers, and a profile
// with agent forwarding, which is kept apart), and Backupserver tabs through
// the first sshd as jump host (direct-tcpip to itself and to another sshd).
// At the end everything is closed and compared with the start: memory after a
// forced GC, Node's active handles by type, the backend's kept connections,
// channels, prompts and event listeners (leak-check.ts), and sshd's processes.
//
// Run by test/integration/soak/soak.test.ts (shortened) and by `npm run soak`
// (run.ts, the full form, printing its figures).
import { existsSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SessionState } from '../../../src/shared/contract/sessions';
import { sshKeygen } from '../../fixtures/agent/keys';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';
import { savePortalProfile, trustHostKey } from '../../fixtures/app/sshd-lab';
import { startSshd, type Sshd } from '../../fixtures/sshd';
import { baseline, expectNoLeaks, footprint, type Footprint } from '../faults/leak-check';

export interface SoakOptions {
  /** How long output flows in all sessions at once. */
  seconds: number;
  /** Sessions printing a 256 KiB burst every 100 ms (about 2.5 MB/s each); the others print lines at about 30 kB/s. */
  bursts?: number;
  /** Sessions running `yes` unthrottled (as fast as flow control lets them). */
  floods?: number;
  /** The pause between two `ssh-add -l` runs. */
  probeEveryMs?: number;
  /** The longest an `ssh-add -l` may take, from spawn to exit. */
  agentBoundMs?: number;
  /**
   * Growth allowed from start to end, each after a forced GC: the JS heap and array
   * buffers together (output passes as array buffers, outside the heap; default 8 MiB),
   * and the process's RSS (default 96 MiB: freed native memory is not always returned).
   */
  heapGrowthBoundMiB?: number;
  rssGrowthBoundMiB?: number;
  /** Progress lines (the CLI sends them to stderr); quiet by default. */
  progress?: (line: string) => void;
}

export interface SoakResult {
  /** Empty when the soak passed; otherwise what failed, one line each. */
  problems: string[];
  /** The figures as a small table (start, peak, end) and summary lines. */
  report: string;
}

const MiB = 1024 * 1024;
const PORTAL_TABS = 8;
const SEPARATE = 6;
const BACKUP_TABS = 6;

// The GC the test and `npm run soak` force before measuring (no --expose-gc needed).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
interface Memory {
  rss: number;
  heap: number;
  buffers: number;
}

async function settledMemory(): Promise<Memory> {
  for (let i = 0; i < 4; i++) {
    gc();
    await sleep(25);
  }
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return { rss, heap: heapUsed, buffers: arrayBuffers };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The child pids of `pid` (Linux 3.5+), or null without /proc. */
function childrenOf(pid: number): number[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text === '' ? [] : text.split(' ').map(Number);
  } catch {
    // Gone meanwhile: no children. Still there: the kernel does not list children (not available).
    return existsSync(`/proc/${pid}`) ? null : [];
  }
}

/** Every process below `pid` (sshd's per-connection processes, shells, their commands); null without /proc. */
function descendants(pid: number): number | null {
  const first = childrenOf(pid);
  if (first === null) return null;
  let count = 0;
  const queue = [...first];
  while (queue.length > 0) {
    const next = queue.pop()!;
    count++;
    queue.push(...(childrenOf(next) ?? []));
  }
  return count;
}

function sshdProcesses(servers: Sshd[]): number | null {
  let total = 0;
  for (const sshd of servers) {
    const pid = Number(readFileSync(join(sshd.dir, 'sshd.pid'), 'utf8').trim());
    const count = descendants(pid);
    if (count === null) return null;
    total += count;
  }
  return total;
}

interface Probe {
  ms: number;
  ok: boolean;
  failure?: string;
}

/**
 * `ssh-add -l` every `everyMs` from a bash loop (its own clock: EPOCHREALTIME), each
 * run timed from start to exit and checked to list the key. stop() lets the run under
 * way finish (it may be the slow one), ends the loop and returns the runs.
 */
function startAgentProber(dir: string, socket: string, fingerprint: string, everyMs: number) {
  const stopFile = join(dir, 'stop-probing');
  const script = [
    'until [ -e "$FW_STOP" ]; do',
    '  t0=$EPOCHREALTIME; out=$(ssh-add -l -E sha256 2>&1); code=$?; t1=$EPOCHREALTIME',
    '  case $out in *"$FW_FINGERPRINT"*) listed=1 ;; *) listed=0 ;; esac',
    '  echo "$t0 $t1 $code $listed ${out//$\'\\n\'/ }"',
    `  sleep ${everyMs / 1000}`,
    'done',
  ].join('\n');
  const child = spawn('bash', ['-c', script], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'C',
      SSH_AUTH_SOCK: socket,
      FW_FINGERPRINT: fingerprint,
      FW_STOP: stopFile,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const probes: Probe[] = [];
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const [t0, t1, code, listed, ...out] = line.split(' ');
      const ms = (Number(t1!.replace(',', '.')) - Number(t0!.replace(',', '.'))) * 1000;
      if (!Number.isFinite(ms)) probes.push({ ms: 0, ok: false, failure: `unreadable: ${line}` });
      else if (code === '0' && listed === '1') probes.push({ ms, ok: true });
      else probes.push({ ms, ok: false, failure: `exit ${code}: ${out.join(' ')}` });
    }
  });
  // 'close', not 'exit': the last lines may still be in the pipe when bash exits.
  const exited = once(child, 'close');
  return {
    maxMs: () => Math.max(0, ...probes.map((probe) => probe.ms)),
    async stop(): Promise<Probe[]> {
      writeFileSync(stopFile, '');
      const timer = setTimeout(() => {
        probes.push({ ms: Infinity, ok: false, failure: 'a run did not end within 30 s' });
        child.kill('SIGKILL');
      }, 30_000);
      await exited;
      clearTimeout(timer);
      return probes;
    },
  };
}

interface Sample {
  rss: number;
  heap: number;
  buffers: number;
  handles: number;
  timers: number;
  listeners: number;
  kept: number;
  channels: number;
  sshdProcesses: number | null;
}

function sample(app: TestBackend, servers: Sshd[], memory?: Memory): Sample {
  const f: Footprint = footprint(app);
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return {
    rss: memory?.rss ?? rss,
    heap: memory?.heap ?? heapUsed,
    buffers: memory?.buffers ?? arrayBuffers,
    handles: Object.values(f.resources).reduce((a, b) => a + b, 0),
    timers: f.resources.Timeout ?? 0,
    listeners: f.eventListeners,
    kept: f.kept,
    channels: f.channels,
    sshdProcesses: sshdProcesses(servers),
  };
}

interface SessionRecord {
  label: string;
  group: 'kept' | 'separate' | 'jump';
  profileId: string;
  sessionId?: string;
  bytes: number;
  lastDataAt: number;
  states: SessionState[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const seconds = options.seconds;
  const bursts = options.bursts ?? 2;
  const floods = options.floods ?? 0;
  const probeEveryMs = options.probeEveryMs ?? 250;
  const agentBoundMs = options.agentBoundMs ?? 2000;
  const heapBound = (options.heapGrowthBoundMiB ?? 8) * MiB;
  const rssBound = (options.rssGrowthBoundMiB ?? 96) * MiB;
  const progress = options.progress ?? (() => {});
  const problems: string[] = [];

  const dir = mkdtempSync(join(tmpdir(), 'fw-soak-'));
  const servers: Sshd[] = [];
  let app: TestBackend | undefined;
  // Stopped in `finally` too, so a soak that throws leaves no loop running.
  let sampler: NodeJS.Timeout | undefined;
  let prober: ReturnType<typeof startAgentProber> | undefined;
  try {
    // The key, four sshds (A: portal and jump host; B, C, D: separate servers), the backend and its agent socket.
    const key = await sshKeygen(dir, 'id_ed25519', 'ed25519', { comment: 'max@firma.de' });
    servers.push(
      ...(await Promise.all([0, 1, 2, 3].map(() => startSshd({ authorizedKeys: [key.publicLine] })))),
    );
    const [a, b, c, d] = servers as [Sshd, Sshd, Sshd, Sshd];
    const socket = join(dir, 'agent', 'agent.sock');
    app = startTestBackend(join(dir, 'data'), { agentSocket: socket });
    const { api, backend } = app;
    await backend.agentService.ready();
    await backend.agent.addFromFile(key.privatePath);
    await api.settings.update({ firmPrefix: 'iserv', fullName: 'max.muster' });
    for (const sshd of servers) trustHostKey(backend, sshd);
    const portal = (name: string, sshd: Sshd, agentForwarding = false) =>
      savePortalProfile(api, sshd, name, agentForwarding);
    const backup = (name: string, target: Sshd) =>
      api.profiles.save({
        kind: 'backup',
        name,
        host: '127.0.0.1',
        port: target.port,
        portalHost: '127.0.0.1',
        portalPort: a.port,
        user: target.user,
        keyPath: '',
      });
    const portalA = await portal('Schule A', a);
    const separateProfiles = [
      await portal('Schule B', b),
      await portal('Schule B, Agent', b, true),
      await portal('Schule C', c),
      await portal('Schule C, Agent', c, true),
      await portal('Schule D', d),
      await portal('Schule D, Agent', d, true),
    ];
    const backupA = await backup('Backup A', a);
    const backupB = await backup('Backup B', b);

    // One view for all sessions, as the renderer: counts and acknowledges, keeps no output.
    const records = new Map<string, SessionRecord>();
    const prompts: string[] = [];
    const allStates: SessionState[] = [];
    // What the structured clone of each event carried: a chunk's whole underlying buffer.
    const events = { count: 0, bytes: 0, cloned: 0 };
    const offData = api.on('terminal.data', ({ sessionId, data }) => {
      events.count++;
      events.bytes += data.byteLength;
      events.cloned += data.buffer.byteLength;
      const record = records.get(sessionId);
      if (record) {
        record.bytes += data.byteLength;
        record.lastDataAt = Date.now();
      }
      void api.terminal.ack({ sessionId, bytes: data.byteLength });
    });
    const offState = api.on('session.state', (s) => {
      allStates.push(s);
      records.get(s.sessionId)?.states.push(s);
    });
    const offPrompt = api.on('prompt.opened', (p) => prompts.push(p.kind));

    const open = async (record: SessionRecord) => {
      const { sessionId } = await api.sessions.open({ profileId: record.profileId, cols: 120, rows: 40 });
      record.sessionId = sessionId;
      records.set(sessionId, record);
      // States that came before the record was filed.
      record.states.push(...allStates.filter((s) => s.sessionId === sessionId && !record.states.includes(s)));
      const end = Date.now() + 30_000;
      while (!record.states.some((s) => s.state === 'connected' || s.state === 'disconnected')) {
        if (Date.now() > end) throw new Error(`${record.label}: no outcome in 30 s`);
        await sleep(20);
      }
      return record.states.find((s) => s.state === 'connected' || s.state === 'disconnected')!;
    };
    const newRecord = (label: string, group: SessionRecord['group'], profileId: string): SessionRecord => ({
      label,
      group,
      profileId,
      bytes: 0,
      lastDataAt: 0,
      states: [],
    });
    const closeAllConnections = async () => {
      // Backup connections first, as the app's own dispose does.
      const kept = await api.connections.list({});
      for (const k of kept.filter((k) => k.viaId !== null)) await api.connections.close({ id: k.id });
      for (const k of kept.filter((k) => k.viaId === null)) await api.connections.close({ id: k.id });
    };

    // Warm-up: a portal and a backup session, so code loaded and compiled once is in the start figures.
    progress('warm-up');
    for (const profileId of [portalA.id, backupA.id]) {
      const warm = newRecord('warm-up', 'kept', profileId);
      const outcome = await open(warm);
      if (outcome.state !== 'connected')
        throw new Error(`warm-up did not connect: ${JSON.stringify(outcome)}`);
      await api.terminal.write({ sessionId: warm.sessionId!, data: 'seq 1 20000\n' });
      const end = Date.now() + 10_000;
      while (warm.bytes < 100_000 && Date.now() < end) await sleep(20);
      await api.sessions.close({ sessionId: warm.sessionId! });
      records.delete(warm.sessionId!);
    }
    await closeAllConnections();

    // The start.
    const before = await baseline(app);
    const start = sample(app, servers, await settledMemory());
    // sshd's processes of the warm-up's connections may take a moment to end.
    for (let i = 0; i < 100 && (start.sshdProcesses ?? 0) > 0; i++) {
      await sleep(50);
      start.sshdProcesses = sshdProcesses(servers);
    }
    const peak: Sample = { ...start };
    const samples: Sample[] = [];
    sampler = setInterval(() => {
      const now = sample(app!, servers);
      samples.push(now);
      for (const k of Object.keys(peak) as (keyof Sample)[])
        if (now[k] !== null && (peak[k] === null || now[k] > peak[k]!)) peak[k] = now[k];
    }, 200);

    // The agent answering ssh-add -l throughout, asked from outside this process: a shell
    // loop runs it every probeEveryMs and times it, so a stall of the backend's event loop
    // (where the agent lives) shows as a slow answer instead of delaying the asking too.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    prober = startAgentProber(dir, socket, key.fingerprint, probeEveryMs);

    // 20 sessions: the first portal tab logs in, the rest open at once.
    progress('opening 20 sessions');
    const openedAt = performance.now();
    const kept = Array.from({ length: PORTAL_TABS }, (_, i) =>
      newRecord(`A tab ${i + 1}`, 'kept', portalA.id),
    );
    const separate = separateProfiles.map((p) => newRecord(p.name, 'separate', p.id));
    const jump = Array.from({ length: BACKUP_TABS }, (_, i) =>
      i % 2 === 0
        ? newRecord(`backup A tab ${i / 2 + 1}`, 'jump', backupA.id)
        : newRecord(`backup B tab ${(i + 1) / 2}`, 'jump', backupB.id),
    );
    const all = [...kept, ...separate, ...jump];
    await open(kept[0]!);
    await Promise.all([...kept.slice(1), ...separate, ...jump].map(open));
    const openMs = performance.now() - openedAt;

    const connectionOf = (r: SessionRecord) => r.states.find((s) => s.state === 'connected')?.connection;
    for (const r of all)
      if (!connectionOf(r))
        problems.push(
          `${r.label}: did not connect: ${JSON.stringify(r.states.at(-1)?.error ?? r.states.at(-1))}`,
        );
    const keptIds = new Set(kept.map((r) => connectionOf(r)?.id));
    if (keptIds.size !== 1)
      problems.push(`the ${PORTAL_TABS} Schule A tabs ran on ${keptIds.size} connections, not one`);
    if (kept.slice(1).some((r) => !r.states.find((s) => s.state === 'connected')?.reused))
      problems.push('a later Schule A tab was not reused');
    const separateIds = new Set(separate.map((r) => connectionOf(r)?.id));
    if (separateIds.size !== SEPARATE)
      problems.push(`the separate profiles shared connections (${separateIds.size})`);
    const portalId = connectionOf(kept[0]!)?.id;
    const backupIds = new Set(jump.map((r) => connectionOf(r)?.id));
    if (backupIds.size !== 2) problems.push(`the backup tabs ran on ${backupIds.size} connections, not two`);
    if (jump.some((r) => connectionOf(r)?.viaId !== portalId))
      problems.push('a backup tab did not run through the kept Schule A connection');

    // Output in every session: lines; some bursts; optionally floods. Shell builtins only
    // (printf, read -t as the pause), so 20 loops do not start 200 processes a second.
    // The heavier ones spread over the groups: a reused tab, a separate connection, a backup tab, …
    const heavy = [3, 10, 17, 6, 13, 19, 1, 8, 15];
    all.forEach((r, i) => {
      if (!r.sessionId || !connectionOf(r)) return;
      const rank = heavy.indexOf(i);
      const command =
        rank >= 0 && rank < floods
          ? 'yes 0123456789abcdef'
          : rank >= floods && rank < floods + bursts
            ? "b=$(printf '%*s' 262143 '' | tr ' ' x); while :; do printf '%s\\n' \"$b\"; read -t 0.1 _; done"
            : 'l=$(seq 100000 100400); while :; do printf \'%s\\n\' "$l"; read -t 0.1 _; done';
      void api.terminal.write({ sessionId: r.sessionId, data: `stty -echo; ${command}\n` });
    });
    progress(`output flowing for ${seconds} s`);
    const flowStart = performance.now();
    const bytesAtStart = all.reduce((sum, r) => sum + r.bytes, 0);
    const flowEnd = Date.now() + seconds * 1000;
    for (let tick = 1; Date.now() < flowEnd; tick++) {
      await sleep(Math.min(1000, flowEnd - Date.now()));
      if (tick % 10 === 0) {
        const now = sample(app, servers);
        const mib = all.reduce((sum, r) => sum + r.bytes, 0) / MiB;
        progress(
          `  ${tick} s: ${mib.toFixed(1)} MiB received, RSS ${(now.rss / MiB).toFixed(0)} MiB, ` +
            `${now.handles} handles, ssh-add max ${Math.round(prober.maxMs())} ms`,
        );
      }
    }
    const flowMs = performance.now() - flowStart;
    const flowedAt = Date.now();
    const flowBytes = all.reduce((sum, r) => sum + r.bytes, 0) - bytesAtStart;
    for (const r of all)
      if (connectionOf(r) && flowedAt - r.lastDataAt > 1500)
        problems.push(`${r.label}: no output in the last ${Math.round((flowedAt - r.lastDataAt) / 1000)} s`);

    // The end: every tab closed, then the kept connections (as the user would in the connections view).
    progress('closing');
    const probes = await prober.stop();
    loopDelay.disable();
    const latencies = probes.map((probe) => probe.ms);
    for (const probe of probes)
      if (!probe.ok) problems.push(`ssh-add -l failed: ${probe.failure}`);
      else if (probe.ms > agentBoundMs)
        problems.push(`ssh-add -l took ${Math.round(probe.ms)} ms (bound ${agentBoundMs} ms)`);
    await Promise.all(
      all.filter((r) => r.sessionId).map((r) => api.sessions.close({ sessionId: r.sessionId! })),
    );
    // A closed tab gets no more states: any disconnect came before, on its own.
    for (const r of all) {
      const ended = r.states.find((s) => s.state === 'disconnected');
      if (ended && connectionOf(r))
        problems.push(`${r.label}: disconnected during the soak: ${JSON.stringify(ended.error ?? ended)}`);
    }
    const keptAfterTabs = await api.connections.list({});
    if (keptAfterTabs.length !== 1 + SEPARATE + 2)
      problems.push(
        `${keptAfterTabs.length} connections kept after the tabs closed, not ${1 + SEPARATE + 2}`,
      );
    // Kept with no shell left on them: only the two backup connections' forward channels on the portal.
    const channelsEnd = Date.now() + 5000;
    while (footprint(app).channels > 2 && Date.now() < channelsEnd) await sleep(25);
    if (footprint(app).channels !== 2)
      problems.push(
        `${footprint(app).channels} channels open after the tabs closed, not 2 (the backup forwards)`,
      );
    await closeAllConnections();
    clearInterval(sampler);
    sampler = undefined;
    try {
      await expectNoLeaks(app, before, 5000);
    } catch (error) {
      problems.push((error as Error).message);
    }
    const end = sample(app, servers, await settledMemory());
    for (let i = 0; i < 100 && (end.sshdProcesses ?? 0) > (start.sshdProcesses ?? 0); i++) {
      await sleep(50);
      end.sshdProcesses = sshdProcesses(servers);
    }
    if (end.sshdProcesses !== null && end.sshdProcesses > start.sshdProcesses!)
      problems.push(`sshd processes ${start.sshdProcesses} → ${end.sshdProcesses}`);
    const jsGrowth = end.heap + end.buffers - (start.heap + start.buffers);
    if (jsGrowth > heapBound)
      problems.push(
        `heap and array buffers grew ${(jsGrowth / MiB).toFixed(1)} MiB (bound ${heapBound / MiB} MiB)`,
      );
    if (end.rss - start.rss > rssBound)
      problems.push(`RSS grew ${((end.rss - start.rss) / MiB).toFixed(1)} MiB (bound ${rssBound / MiB} MiB)`);
    if (prompts.length > 0) problems.push(`prompts opened: ${prompts.join(', ')}`);
    const errors = app.log.lines.filter((line) => line.startsWith('error:'));
    if (errors.length > 0) problems.push(`errors logged: ${errors.slice(0, 5).join(' | ')}`);
    // Each run is bounded above; this only checks that they went on throughout.
    const expectedProbes = Math.floor((seconds * 1000) / (probeEveryMs + agentBoundMs));
    if (latencies.length < expectedProbes)
      problems.push(`only ${latencies.length} ssh-add runs (expected at least ${expectedProbes})`);
    offData();
    offState();
    offPrompt();

    // The figures.
    const sorted = [...latencies].sort((x, y) => x - y);
    const mib = (n: number) => (n / MiB).toFixed(1);
    const rows: [string, (s: Sample) => string][] = [
      ['RSS (MiB)', (s) => mib(s.rss)],
      ['heap used (MiB)', (s) => mib(s.heap)],
      ['array buffers (MiB)', (s) => mib(s.buffers)],
      ['active handles', (s) => String(s.handles)],
      ['  timers', (s) => String(s.timers)],
      ['event listeners', (s) => String(s.listeners)],
      ['kept connections', (s) => String(s.kept)],
      ['SSH channels', (s) => String(s.channels)],
      ['sshd processes', (s) => (s.sshdProcesses === null ? 'n/a' : String(s.sshdProcesses))],
    ];
    const cell = (text: string, width: number) => text.padStart(width);
    const lines = [
      `soak: 20 sessions (${PORTAL_TABS} tabs on one kept connection, ${SEPARATE} separate connections, ` +
        `${BACKUP_TABS} through a jump host; ${bursts} bursting, ${floods} flooding), output for ${(flowMs / 1000).toFixed(1)} s`,
      `${'figure'.padEnd(18)}${cell('start', 9)}${cell('peak', 9)}${cell('end', 9)}`,
      ...rows.map(
        ([name, get]) => `${name.padEnd(18)}${cell(get(start), 9)}${cell(get(peak), 9)}${cell(get(end), 9)}`,
      ),
      `(start and end after a forced GC; peak sampled every 200 ms, ${samples.length} samples)`,
      `opened in ${(openMs / 1000).toFixed(1)} s; output ${mib(flowBytes)} MiB (${mib(flowBytes / (flowMs / 1000))} MiB/s), ` +
        `per session ${mib(Math.min(...all.map((r) => r.bytes)))}–${mib(Math.max(...all.map((r) => r.bytes)))} MiB`,
      `ssh-add -l: ${latencies.length} runs, median ${Math.round(percentile(sorted, 50))} ms, ` +
        `p95 ${Math.round(percentile(sorted, 95))} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms (bound ${agentBoundMs} ms)`,
      `event loop delay (the backend's, where the agent answers): p99 ${Math.round(loopDelay.percentile(99) / 1e6)} ms, ` +
        `max ${Math.round(loopDelay.max / 1e6)} ms`,
      `terminal.data: ${events.count} events, ${mib(events.bytes)} MiB of output in ${mib(events.cloned)} MiB of ` +
        `cloned buffers (each chunk's whole underlying buffer)`,
      `log: ${errors.length} errors, ${app.log.lines.filter((l) => l.startsWith('warn:')).length} warnings`,
      problems.length === 0 ? 'no problems' : `PROBLEMS:\n  ${problems.join('\n  ')}`,
    ];
    return { problems, report: lines.join('\n') };
  } finally {
    clearInterval(sampler);
    await prober?.stop();
    await app?.cleanup();
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
