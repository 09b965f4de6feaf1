// A session outlives the view that showed it (a reloaded or crashed window, a
// closed browser tab): a new view attaches it and the output flows again,
// even when the dead view was handed output it never acknowledged (the
// channel was paused on it); a session nobody attaches closes after the grace
// time, and its connection is kept for the next tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalOutput } from '../../../../src/renderer/views/terminal/terminal-output';
import type { TestBackend } from '../../../fixtures/app/backend';
import { startSshdLab, type SshdLab } from '../../../fixtures/app/sshd-lab';

/** Long enough that a loaded machine still sees the session before it ends, short enough to wait out. */
const GRACE_MS = 2000;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a session whose view went away', () => {
  let lab: SshdLab;
  let app: TestBackend;

  beforeAll(async () => {
    lab = await startSshdLab({ sessionViewerGraceMs: GRACE_MS });
    app = lab.app;
  });
  afterAll(async () => {
    await lab?.stop();
  });

  /** A view of one session: it acknowledges what it parses (at once) unless it is dead. */
  function view(sessionId: () => string | undefined) {
    const shown = { text: '', dead: false };
    const output = new TerminalOutput(
      {
        write: (data, callback) => {
          if (shown.dead) return; // never parses, never calls back: a crashed renderer
          shown.text += typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
          shown.text = shown.text.slice(-4096);
          callback?.();
        },
      },
      (bytes) => void app.api.terminal.ack({ sessionId: sessionId()!, bytes }).catch(() => undefined),
    );
    const off = app.api.on('terminal.data', (event) => {
      if (event.sessionId === sessionId()) output.data(event.data);
    });
    return { shown, off };
  }

  async function connectedSession(name: string): Promise<string> {
    const { api } = app;
    const profile = await lab.portalProfile(name);
    const { sessionId } = await api.sessions.open({ profileId: profile.id, cols: 80, rows: 24 });
    await expect
      .poll(async () => (await api.sessions.list()).find((s) => s.sessionId === sessionId)?.state.state, {
        timeout: 20_000,
      })
      .toBe('connected');
    return sessionId;
  }

  it('flows again for a new view when the dead one was handed output it never acknowledged', async () => {
    const { api, backend } = app;
    const sessionId = await connectedSession('Neu geladen');
    const first = view(() => sessionId);
    // The first view stops parsing in the middle of a flood: the channel is paused on it.
    first.shown.dead = true;
    await api.terminal.write({
      sessionId,
      data: `stty -echo; head -c 4000000 /dev/zero | tr '\\0' 'x'; echo; echo FLOOD-$((6*7))\n`,
    });
    await expect.poll(() => backend.sessions.flowStats(sessionId)?.paused, { timeout: 10_000 }).toBe(true);
    first.off();
    backend.sessions.detach(sessionId);
    expect((await api.sessions.list()).find((s) => s.sessionId === sessionId)).toMatchObject({
      viewed: false,
      title: 'Neu geladen',
      user: lab.sshd.user,
      target: { profileId: expect.any(String) },
      state: { state: 'connected' },
    });

    // The reloaded window attaches it: the rest of the flood and a new command's output reach it.
    const second = view(() => sessionId);
    expect(await api.sessions.attach({ sessionId })).toMatchObject({ sessionId, state: 'connected' });
    await expect.poll(() => second.shown.text, { timeout: 20_000 }).toContain('FLOOD-42');
    await api.terminal.write({ sessionId, data: 'echo AFTER-$((7*6))\n' });
    await expect.poll(() => second.shown.text, { timeout: 5_000 }).toContain('AFTER-42');
    // Attached, it is no longer closed when the grace time has passed.
    await wait(GRACE_MS + 1000);
    expect((await api.sessions.list()).find((s) => s.sessionId === sessionId)?.viewed).toBe(true);
    second.off();
    await api.sessions.close({ sessionId });
  }, 60_000);

  it('closes a session nobody attaches after the grace time, and keeps its connection', async () => {
    const { api, backend } = app;
    const sessionId = await connectedSession('Verlassen');
    const states: string[] = [];
    const offState = api.on('session.state', (s) => s.sessionId === sessionId && states.push(s.state));
    backend.sessions.detachAll();
    await wait(GRACE_MS / 4);
    expect((await api.sessions.list()).map((s) => s.sessionId)).toContain(sessionId);
    await expect
      .poll(async () => (await api.sessions.list()).map((s) => s.sessionId), { timeout: GRACE_MS * 4 })
      .not.toContain(sessionId);
    await expect(api.sessions.attach({ sessionId })).rejects.toMatchObject({
      info: { code: 'session.notFound' },
    });
    // Closed as a tab closes it: no state for a view, the connection kept for reuse.
    expect(states).toEqual([]);
    const [connection] = await api.connections.list();
    expect(connection).toMatchObject({ users: 0, reusableUntil: expect.any(Number) });
    offState();
  }, 60_000);
});
