// A terminal session over a real OpenSSH shell: echo, resize, exit status,
// the EMAIL variable, and flow control under 50 MB of output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type Sshd } from '../../fixtures/sshd';
import { connectSsh } from '../../../src/main/ssh/connect';
import type { SshConnection } from '../../../src/main/ssh/connection';
import {
  openShell,
  type OpenShellOptions,
  type TerminalSession,
} from '../../../src/main/terminal/terminal-session';
import { makeKeyDir, memoryKnownHosts, scriptedPrompter, type KeyDir } from '../ssh/support';

/** Output as text, acked at once (a fast view), with a wait-for-pattern helper. */
function fastView() {
  let text = '';
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  let session: TerminalSession | undefined;
  const sink: OpenShellOptions['sink'] = (chunk) => {
    text += chunk.toString('utf8');
    session!.ack(chunk.length);
    for (const w of [...waiters]) {
      const m = text.match(w.pattern);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  return {
    sink,
    /** Takes the session's output from now on (its first output waits for this). */
    attach(s: TerminalSession) {
      session = s;
      s.start();
    },
    text: () => text,
    waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> {
      const m = text.match(pattern);
      if (m) return Promise.resolve(m);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timeout waiting for ${pattern}; got ${JSON.stringify(text.slice(-500))}`)),
          timeoutMs,
        );
        waiters.push({ pattern, resolve: (mm) => (clearTimeout(timer), resolve(mm)) });
      });
    },
  };
}

describe('terminal session over OpenSSH', () => {
  let keys: KeyDir;
  let sshd: Sshd;
  let connection: SshConnection;

  beforeAll(async () => {
    keys = makeKeyDir();
    const key = keys.make('id');
    sshd = await startSshd({ authorizedKeys: [key.publicKey] });
    connection = await connectSsh({
      host: sshd.host,
      port: sshd.port,
      username: sshd.user,
      auth: { type: 'privateKey', privateKey: key.privateKey },
      knownHosts: memoryKnownHosts().knownHosts,
      hostKeyPrompter: scriptedPrompter('connectOnce'),
    });
  });
  afterAll(async () => {
    await connection?.close();
    await sshd?.stop();
    keys?.remove();
  });

  it('runs a command, resizes, sends EMAIL and reports the exit status', async () => {
    const view = fastView();
    const session = await openShell(connection, {
      cols: 80,
      rows: 24,
      env: { EMAIL: 'vorname.nachname@firma.example' },
      sink: view.sink,
    });
    view.attach(session);
    // Arithmetic so the command's own echo does not match the pattern.
    session.write('echo "out-$((6*7))-$TERM-$EMAIL"\n');
    await view.waitFor(/out-42-xterm-256color-vorname\.nachname@firma\.example/);

    session.write('stty size; echo "size-$((1+1))"\n');
    expect((await view.waitFor(/(\d+) (\d+)\r?\nsize-2/)).slice(1, 3)).toEqual(['24', '80']);

    session.resize(132, 50);
    session.write('stty size; echo "size-$((2+1))"\n');
    expect((await view.waitFor(/(\d+) (\d+)\r?\nsize-3/)).slice(1, 3)).toEqual(['50', '132']);

    const exits: unknown[] = [];
    session.onExit((e) => exits.push(e));
    session.write('exit 7\n');
    const exit = await session.exited;
    expect(exit).toEqual({ code: 7, signal: null });
    expect(exits).toEqual([exit]);
    expect(session.closed).toBe(true);
    expect(connection.isOpen).toBe(true);
  });

  it('close() ends the shell but keeps the connection', async () => {
    const view = fastView();
    const session = await openShell(connection, { cols: 80, rows: 24, sink: view.sink });
    view.attach(session);
    session.write('echo "ready-$((3*3))"\n');
    await view.waitFor(/ready-9/);
    const exit = await session.close();
    expect(exit.code).toBeNull();
    expect(session.closed).toBe(true);
    expect(connection.isOpen).toBe(true);
  });

  it('keeps unacknowledged output bounded while 50 MB stream through a slow view', async () => {
    const maxBatch = 256 * 1024;
    const rateBytesPerTick = 160 * 1024; // ~16 MB/s at 10 ms ticks: slower than ssh2 and sshd
    const payloadBytes = 50_000_000;
    let received = 0;
    let queued = 0;
    let tail = '';
    let session: TerminalSession | undefined;
    const sink: OpenShellOptions['sink'] = (chunk) => {
      received += chunk.length;
      queued += chunk.length;
      tail = (tail + chunk.toString('latin1')).slice(-200);
    };

    if (global.gc) global.gc();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    let unackedPeakSeenByView = 0;
    // The slow view: acks at a fixed rate, like xterm.js parsing behind.
    const ticker = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      if (!session) return;
      unackedPeakSeenByView = Math.max(unackedPeakSeenByView, session.stats.unacked);
      const n = Math.min(queued, rateBytesPerTick);
      queued -= n;
      session.ack(n);
    }, 10);

    try {
      session = await openShell(connection, {
        cols: 80,
        rows: 24,
        sink,
        flow: { maxBatch },
      });
      session.start();
      const started = Date.now();
      // 37.5 MB of zeros become exactly 50 MB of base64 without line breaks.
      session.write(`head -c 37500000 /dev/zero | base64 -w 0; echo; echo "END-$((40+2))"; exit 0\n`);
      const exit = await session.exited;
      const elapsed = Date.now() - started;

      expect(exit.code).toBe(0);
      expect(tail).toMatch(/END-42/);
      expect(received).toBeGreaterThan(payloadBytes);
      const stats = session.stats;
      // Flow control engaged, and the backend never held more than two batches
      // in the view, one held back and one SSH packet unacknowledged.
      expect(stats.pauses).toBeGreaterThan(10);
      expect(stats.peakUnacked).toBeLessThanOrEqual(3 * maxBatch + 64 * 1024);
      expect(unackedPeakSeenByView).toBeLessThanOrEqual(3 * maxBatch + 64 * 1024);
      expect(stats.sent).toBe(received);
      // The view was the slower side: the SSH window went down to its floor (the ssh2 patch is applied).
      expect(stats.sshWindow).toBe(64 * 1024);
      expect(rssPeak - rssBefore).toBeLessThan(100 * 1024 * 1024);
      expect(elapsed).toBeLessThan(20_000);
    } finally {
      clearInterval(ticker);
    }
  }, 40_000);

  it('opens the channel with a 256 KiB window: no more is on its way when a flood starts', async () => {
    const session = await openShell(connection, { cols: 80, rows: 24, sink: () => {} });
    // Output waits in the channel until start(): ssh2 grants nothing beyond
    // the opening window, so that is all the server can send meanwhile.
    session.write('head -c 20000000 /dev/zero | base64 -w 0; exit 0\n');
    await new Promise((r) => setTimeout(r, 1000));
    session.start();
    // What was waiting reaches the flow control at once; more needs a round trip to sshd.
    await new Promise((r) => setImmediate(r));
    const sent = session.stats.sent;
    expect(sent).toBeGreaterThan(128 * 1024);
    expect(sent).toBeLessThanOrEqual(256 * 1024);
    expect(session.stats.sshWindow).toBe(256 * 1024);
    await session.close();
  });

  it('stops the server while the view acknowledges nothing', async () => {
    const session = await openShell(connection, {
      cols: 80,
      rows: 24,
      sink: () => {},
      flow: { maxBatch: 128 * 1024 },
    });
    session.start();
    session.write('head -c 20000000 /dev/zero | base64 -w 0; exit 0\n');
    await new Promise((r) => setTimeout(r, 1500));
    const stalled = session.stats;
    expect(stalled.paused).toBe(true);
    // Two batches went to the view, one was held, and at most one more SSH packet came.
    expect(stalled.sent).toBeLessThanOrEqual(3 * 128 * 1024 + 64 * 1024);
    expect(session.closed).toBe(false);
    // Acknowledging resumes the stream.
    session.ack(stalled.unacked);
    await new Promise((r) => setTimeout(r, 200));
    expect(session.stats.sent).toBeGreaterThan(stalled.sent);
    await session.close();
  });
});
