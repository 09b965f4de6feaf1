// Terminal output through the backend and the contract to the renderer's own
// output path (TerminalOutput, which acknowledges each batch once xterm.js has
// parsed it), with a stand-in for xterm.js that parses slower than sshd sends:
// the backend holds only what the view has not acknowledged, so the process's
// memory stays bounded however fast the server writes; and a view that never
// acknowledges stops the server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalOutput } from '../../../../src/renderer/views/terminal/terminal-output';
import type { TestBackend } from '../../../fixtures/app/backend';
import { startSshdLab, type SshdLab } from '../../../fixtures/app/sshd-lab';

const MiB = 1024 * 1024;
const TOTAL = 64 * MiB;
/** The stand-in xterm.js parses 32 MB/s: half or less of what sshd sends through ssh2 here. */
const PARSE_BYTES_PER_MS = 32_000;
/**
 * Less than the stream itself: were it buffered anywhere in this process (the
 * backend or the view's queue), growth would be at least TOTAL. Measured here:
 * 33–36 MiB with flow control (three batches and one SSH window, plus garbage of
 * 64 MiB passing through that no GC has collected yet), 114 MiB with it disabled.
 */
const RSS_GROWTH_BOUND = TOTAL;

// A forced GC before measuring, so the baseline holds no garbage of the setup.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('terminal output under flow control', () => {
  let lab: SshdLab;
  let keyDir: string;
  let app: TestBackend;

  beforeAll(async () => {
    lab = await startSshdLab();
    ({ app, keyDir } = lab);
  });
  afterAll(async () => {
    await lab?.stop();
  });

  /** A connected session whose output goes to a TerminalOutput over `parse` (the stand-in xterm.js). */
  async function openSession(parse: (bytes: number, done: () => void) => void) {
    const { api } = app;
    const profile = await lab.portalProfile('Flut');
    const { sessionId } = await api.sessions.open({ profileId: profile.id, cols: 80, rows: 24 });
    const view = {
      received: 0,
      tail: '',
      output: new TerminalOutput(
        {
          write: (data, callback) => {
            const bytes = typeof data === 'string' ? data.length : data.byteLength;
            if (typeof data !== 'string')
              view.tail = (view.tail + Buffer.from(data.subarray(-256)).toString()).slice(-256);
            parse(bytes, () => callback?.());
          },
        },
        (bytes) => void api.terminal.ack({ sessionId, bytes }),
      ),
    };
    let connected = false;
    api.on('session.state', (s) => {
      if (s.sessionId === sessionId && s.state === 'connected') connected = true;
    });
    api.on('terminal.data', ({ sessionId: id, data }) => {
      if (id !== sessionId) return;
      view.received += data.byteLength;
      view.output.data(data);
    });
    const end = Date.now() + 20_000;
    while (!connected && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(connected).toBe(true);
    return { sessionId, view };
  }

  it('streams 64 MiB to a view slower than the server with memory bounded from before the flood', async () => {
    const { api, backend } = app;
    const { sessionId, view } = await openSession((bytes, done) =>
      setTimeout(done, Math.max(1, bytes / PARSE_BYTES_PER_MS)),
    );
    await settle();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 5);
    try {
      // No echo of our command line: only the flood counts.
      await api.terminal.write({
        sessionId,
        data: `stty -echo; head -c ${TOTAL} /dev/zero | tr '\\0' 'x'; echo; echo FLOOD-DONE\n`,
      });
      const end = Date.now() + 45_000;
      while (!view.tail.includes('FLOOD-DONE') && Date.now() < end)
        await new Promise((r) => setTimeout(r, 20));
    } finally {
      clearInterval(sampler);
    }
    expect(view.tail).toContain('FLOOD-DONE');
    expect(view.received).toBeGreaterThanOrEqual(TOTAL);
    const stats = backend.sessions.flowStats(sessionId)!;
    expect(stats.pauses).toBeGreaterThan(0); // the view was the slower side
    expect(stats.peakUnacked).toBeLessThan(2 * MiB);
    expect(rssPeak - rssBefore).toBeLessThan(RSS_GROWTH_BOUND);
    await api.sessions.close({ sessionId });
  }, 60_000);

  it('a view that never acknowledges stops the server: unacknowledged output stays bounded', async () => {
    const { api, backend } = app;
    const marker = join(keyDir, 'flood-finished');
    const { sessionId, view } = await openSession(() => {}); // parses nothing, ever
    // sshd would send 64 MiB and then leave a mark; a server held by flow control never gets there.
    await api.terminal.write({
      sessionId,
      data: `stty -echo; head -c ${TOTAL} /dev/zero | tr '\\0' 'x'; touch ${marker}\n`,
    });
    const flowing = Date.now() + 10_000;
    while (!backend.sessions.flowStats(sessionId)?.paused && Date.now() < flowing)
      await new Promise((r) => setTimeout(r, 10));
    expect(backend.sessions.flowStats(sessionId)?.paused).toBe(true);
    const heldAt = view.received;
    await new Promise((r) => setTimeout(r, 1000));
    // Nothing more came: the first batch is still "in xterm.js", the rest held, the channel paused.
    expect(view.received).toBe(heldAt);
    expect(view.received).toBeLessThan(2 * MiB);
    const stats = backend.sessions.flowStats(sessionId)!;
    expect(stats.paused).toBe(true);
    expect(stats.unacked).toBeLessThan(2 * MiB);
    expect(stats.acked).toBe(0);
    expect(existsSync(marker)).toBe(false);
    await api.sessions.close({ sessionId });
  }, 30_000);
});
