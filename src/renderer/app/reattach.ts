// A window that starts (a reload, a crashed page loaded again, the host's
// browser tab opened again) finds the sessions the backend still runs for
// nobody and takes each over in a tab of its own. A session another window
// shows (a second browser tab of the host) stays there.
import type { LiveSession } from '../../shared/contract/sessions';
import type { NewTab } from './tabs';

/**
 * A reloaded host page can list the sessions before the host has seen the old
 * page's socket close; they then still count as shown. The page looks once
 * more after this long.
 */
export const LOOK_AGAIN_MS = 2000;

export interface Reattach {
  /** A tab for each session nobody shows that this page has not taken yet, in the order they were opened. */
  tabs: NewTab[];
  /** Some sessions are shown elsewhere: perhaps by the page this one replaced, whose socket is closing. */
  lookAgain: boolean;
}

/**
 * `own`: the sessions this page showed before it was reloaded (page-sessions.ts);
 * they are taken even while the backend still counts them as shown by the old page.
 */
export function tabsToReattach(
  live: LiveSession[],
  taken: ReadonlySet<string> = new Set(),
  own: ReadonlySet<string> = new Set(),
): Reattach {
  const wanted = (session: LiveSession) => !session.viewed || own.has(session.sessionId);
  const tabs = live
    .filter((session) => wanted(session) && !taken.has(session.sessionId))
    .map((session) => ({
      target: session.target,
      title: session.title,
      host: session.host,
      user: session.user,
      autoReconnect: session.autoReconnect,
      attach: session.sessionId,
    }));
  return { tabs, lookAgain: live.some((session) => !wanted(session) && !taken.has(session.sessionId)) };
}
