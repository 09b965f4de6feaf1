// A window that starts (a reload, a crashed page loaded again, the host's
// browser tab opened again) finds the sessions the backend still runs for
// nobody and takes each over in a tab of its own. A session another window
// shows (a second browser tab of the host) stays there.
import type { LiveSession } from '../../shared/contract/sessions';
import type { NewTab } from './tabs';

export function tabsToReattach(live: LiveSession[]): NewTab[] {
  return live
    .filter((session) => !session.viewed)
    .map((session) => ({
      target: session.target,
      title: session.title,
      host: session.host,
      user: session.user,
      autoReconnect: session.autoReconnect,
      attach: session.sessionId,
    }));
}
