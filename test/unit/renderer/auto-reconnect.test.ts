// Automatic reconnect as decisions: which ended sessions wait for a kept
// connection, which try at once, and what an automatic (reuse-only) attempt's
// answer does to the tab: session.notKept keeps it waiting with the drop's
// reason, a connection ends the wait.
import { describe, expect, it } from 'vitest';
import type { KeptConnection, SessionState } from '../../../src/shared/contract/sessions';
import {
  afterAutomaticAttempt,
  hasNewConnection,
  shouldWaitForReuse,
  tryReuseAtOnce,
} from '../../../src/renderer/views/terminal/auto-reconnect';

const state = (overrides: Partial<SessionState>): SessionState => ({
  sessionId: 's1',
  profileId: 'p1',
  state: 'disconnected',
  ...overrides,
});
const dropped = state({ error: { code: 'ssh.disconnected', params: { detail: 'Connection lost' } } });
const endedInConnectionsView = state({});
const exited = state({ exitCode: 0 });
const notKept = state({ error: { code: 'session.notKept', params: {} } });
const on = { autoReconnect: true };
const off = { autoReconnect: false };

const connection = (id: string): KeptConnection => ({
  id,
  role: 'portal',
  host: 'meine-schule.de',
  port: 22,
  username: 'iserv-max.mustermann',
  viaId: null,
  connectedAt: 0,
  users: 1,
  reusableUntil: null,
});

describe('shouldWaitForReuse', () => {
  it('waits after a connected session of an autoReconnect profile dropped', () => {
    expect(shouldWaitForReuse(on, dropped, true)).toBe(true);
    expect(shouldWaitForReuse(on, endedInConnectionsView, true)).toBe(true);
  });

  it('does not wait when the profile does not ask for it', () => {
    expect(shouldWaitForReuse(off, dropped, true)).toBe(false);
  });

  it('does not wait after `exit`: the shell ended with an exit code', () => {
    expect(shouldWaitForReuse(on, exited, true)).toBe(false);
    expect(shouldWaitForReuse(on, state({ exitCode: 1 }), true)).toBe(false);
  });

  it('does not wait after a login that never connected (that is Erneut versuchen)', () => {
    expect(shouldWaitForReuse(on, state({ error: { code: 'ssh.authFailed', params: {} } }), false)).toBe(
      false,
    );
  });

  it('decides only on an end', () => {
    expect(shouldWaitForReuse(on, state({ state: 'connected' }), true)).toBe(false);
  });
});

describe('tryReuseAtOnce', () => {
  it('tries at once after a drop with a reason (its connection is gone with it)', () => {
    expect(tryReuseAtOnce(dropped)).toBe(true);
  });

  it('waits for a new connection after an end without a reason (its connection may still stand)', () => {
    expect(tryReuseAtOnce(endedInConnectionsView)).toBe(false);
  });
});

describe('afterAutomaticAttempt', () => {
  it('keeps waiting on session.notKept, without showing it', () => {
    expect(afterAutomaticAttempt(notKept, false)).toEqual({ action: 'keepWaiting', again: false });
  });

  it('tries once more on session.notKept when a connection appeared meanwhile', () => {
    expect(afterAutomaticAttempt(notKept, true)).toEqual({ action: 'keepWaiting', again: true });
  });

  it('keeps waiting, but not again at once, when a found connection failed it', () => {
    const failed = state({ error: { code: 'ssh.disconnected', params: { detail: 'Connection lost' } } });
    expect(afterAutomaticAttempt(failed, true)).toEqual({ action: 'keepWaiting', again: false });
  });

  it('adopts a connected session', () => {
    expect(afterAutomaticAttempt(state({ state: 'connected', reused: true }), false)).toEqual({
      action: 'adopt',
    });
  });

  it('shows no step on the way', () => {
    expect(afterAutomaticAttempt(state({ state: 'connecting' }), false)).toEqual({ action: 'ignore' });
  });
});

describe('hasNewConnection', () => {
  it('counts a connection not seen before', () => {
    expect(hasNewConnection(new Set(['a']), [connection('a'), connection('b')])).toBe(true);
  });

  it('ignores users coming and going and connections ending', () => {
    expect(hasNewConnection(new Set(['a', 'b']), [{ ...connection('a'), users: 2 }])).toBe(false);
    expect(hasNewConnection(new Set(['a']), [])).toBe(false);
  });
});
