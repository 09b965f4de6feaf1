// A session's events go to the tab that opened it; to every tab while it has
// no owner (open not answered yet, or its tab gone); other events to all.
import { describe, expect, it } from 'vitest';
import { SessionRoutes } from '../../../src/host/session-routes';

const opened = (sessionId: string) => ({ ok: true as const, value: { sessionId } });
const data = (sessionId: string) => ({ sessionId, data: new Uint8Array(1) });

describe('session routes of the headless host', () => {
  it('sends a session’s output and state only to the tab that opened it', () => {
    const routes = new SessionRoutes<string>();
    // Before open answered: everyone (the page keeps early events by id).
    expect(routes.wants('b', 'terminal.data', data('s1'))).toBe(true);
    routes.noteResult('a', 'sessions.open', { profileId: 'p' }, opened('s1'));
    expect(routes.wants('a', 'terminal.data', data('s1'))).toBe(true);
    expect(routes.wants('b', 'terminal.data', data('s1'))).toBe(false);
    expect(routes.wants('b', 'session.state', { sessionId: 's1', state: 'connected' })).toBe(false);
    // Another session, and events that belong to no session.
    expect(routes.wants('b', 'terminal.data', data('s2'))).toBe(true);
    expect(routes.wants('b', 'connections.changed', [])).toBe(true);
    expect(routes.wants('b', 'prompt.opened', { sessionId: 's1' } as never)).toBe(true);
  });

  it('forgets a session its tab closed, and all of a tab that went away', () => {
    const routes = new SessionRoutes<string>();
    routes.noteResult('a', 'sessions.open', {}, opened('s1'));
    routes.noteResult('a', 'sessions.open', {}, opened('s2'));
    routes.noteResult('b', 'sessions.open', {}, opened('s3'));
    // Only the owner's close counts, and only a successful one.
    routes.noteResult('b', 'sessions.close', { sessionId: 's1' }, { ok: true, value: {} });
    routes.noteResult(
      'a',
      'sessions.close',
      { sessionId: 's2' },
      { ok: false, error: { code: 'internal', params: {} } },
    );
    expect(routes.size).toBe(3);
    routes.noteResult('a', 'sessions.close', { sessionId: 's1' }, { ok: true, value: {} });
    expect(routes.size).toBe(2);
    routes.release('a');
    expect(routes.size).toBe(1);
    expect(routes.wants('b', 'terminal.data', data('s2'))).toBe(true);
    expect(routes.wants('a', 'terminal.data', data('s3'))).toBe(false);
  });

  it('ignores failed opens and payloads without a session id', () => {
    const routes = new SessionRoutes<string>();
    routes.noteResult('a', 'sessions.open', {}, { ok: false, error: { code: 'internal', params: {} } });
    routes.noteResult('a', 'sessions.open', {}, { ok: true, value: {} });
    expect(routes.size).toBe(0);
    expect(routes.wants('b', 'session.state', null as never)).toBe(true);
  });

  it('routes a session a tab attached to that tab, and leaves the sessions of a tab that went away without a view', () => {
    const gone: string[] = [];
    const routes = new SessionRoutes<string>((id) => gone.push(id));
    routes.noteResult('a', 'sessions.open', {}, opened('s1'));
    routes.noteResult('a', 'sessions.open', {}, opened('s2'));
    routes.noteResult('a', 'sessions.close', { sessionId: 's2' }, { ok: true, value: {} });
    // The tab reloads: the old socket closes, only the session it still showed waits for a view.
    routes.release('a');
    expect(gone).toEqual(['s1']);
    expect(routes.wants('b', 'terminal.data', data('s1'))).toBe(true);
    // The reloaded page (a new socket) attaches it: from now on only it gets the output.
    routes.noteResult('b', 'sessions.attach', { sessionId: 's1' }, { ok: true, value: {} });
    expect(routes.wants('b', 'terminal.data', data('s1'))).toBe(true);
    expect(routes.wants('c', 'terminal.data', data('s1'))).toBe(false);
    // A failed attach (the session had ended) takes nothing over.
    routes.noteResult(
      'c',
      'sessions.attach',
      { sessionId: 's1' },
      { ok: false, error: { code: 'session.notFound', params: {} } },
    );
    expect(routes.wants('c', 'terminal.data', data('s1'))).toBe(false);
    routes.release('b');
    expect(gone).toEqual(['s1', 's1']);
  });

  it('forgets a session that ended by itself, after its end went to its tab only', async () => {
    const gone: string[] = [];
    const routes = new SessionRoutes<string>((id) => gone.push(id));
    routes.noteResult('a', 'sessions.open', {}, opened('s1'));
    const end = { sessionId: 's1', profileId: 'p', state: 'disconnected', exitCode: 0 };
    // Every tab is offered the event in turn, the owner first or not.
    for (const tab of ['b', 'a', 'c']) {
      expect(routes.wants(tab, 'session.state', end)).toBe(tab === 'a');
      routes.noteEvent(tab, 'session.state', end);
    }
    await Promise.resolve();
    expect(routes.size).toBe(0);
    // An ended session is not one that waits for a view.
    routes.release('a');
    expect(gone).toEqual([]);
    // Other states keep the owner.
    routes.noteResult('a', 'sessions.open', {}, opened('s2'));
    routes.noteEvent('a', 'session.state', { sessionId: 's2', state: 'connected' });
    await Promise.resolve();
    expect(routes.size).toBe(1);
  });
});
