// Automatic reconnect of a tab whose profile asks for it: only over a
// connection the app keeps (`sessions.open` with reuseOnly), never a new
// login, so a flapping link cannot send DUO pushes. The tab tries once when
// the session drops and again whenever a connection appears that it has not
// seen (another tab logged in); no timer, so nothing repeats by itself.
import type { KeptConnection, SessionState } from '../../../shared/contract/sessions';

/**
 * Whether a tab waits for a connection to reuse after its session ended.
 * Only a session that was connected, and not ended by its shell's exit
 * (`exit` brings an exit code): a dropped connection (with its reason) or one
 * ended in the Verbindungen view (without a reason).
 */
export function shouldWaitForReuse(
  profile: { autoReconnect: boolean },
  ended: SessionState,
  wasConnected: boolean,
): boolean {
  return (
    profile.autoReconnect && wasConnected && ended.state === 'disconnected' && ended.exitCode === undefined
  );
}

/**
 * Whether to try at once, before any connection appears. A drop with a reason
 * took its connection along, so a reuse finds only one another tab made. An
 * end without a reason may leave the connection standing (the shell killed by
 * a signal): trying at once would reopen a shell the server just ended, again
 * and again.
 */
export function tryReuseAtOnce(ended: SessionState): boolean {
  return ended.error !== undefined;
}

export type AutomaticOutcome =
  /** It connected: the tab shows the reused connection and stops waiting. */
  | { action: 'adopt' }
  /**
   * It did not connect: the tab keeps waiting and keeps showing why the
   * session dropped (session.notKept is the expected answer, not news).
   * `again`: a connection appeared while it ran, so try once more.
   */
  | { action: 'keepWaiting'; again: boolean }
  /** A step on the way (no state of a login shows for an automatic attempt). */
  | { action: 'ignore' };

/** What the tab does with a state of an automatic (reuseOnly) attempt. */
export function afterAutomaticAttempt(state: SessionState, appearedMeanwhile: boolean): AutomaticOutcome {
  if (state.state === 'connected') return { action: 'adopt' };
  if (state.state !== 'disconnected') return { action: 'ignore' };
  // Only a refusal without server contact is tried again at once: any other
  // failure came from a kept connection it found, and would come again.
  return { action: 'keepWaiting', again: appearedMeanwhile && state.error?.code === 'session.notKept' };
}

/** Whether `list` holds a connection not in `seen` (users coming and going do not count). */
export function hasNewConnection(seen: ReadonlySet<string>, list: readonly KeptConnection[]): boolean {
  return list.some((connection) => !seen.has(connection.id));
}
