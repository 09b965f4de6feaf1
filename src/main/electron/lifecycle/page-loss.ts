// The window's page is the view of every session. When the page goes while
// the window stays (a reload, a crashed renderer), its sessions wait for the
// next page to attach them, and are closed after the grace time otherwise
// (services/sessions/viewer-grace.ts). A crashed page is loaded again, so the
// person finds their tabs back instead of an empty window. The window hidden
// to the tray keeps its page: nothing happens to its sessions. Only Electron's
// types are imported here; index.ts hands in the window's page.
import type { RenderProcessGoneDetails, WebContents } from 'electron';

/** Reloads closer together than this are a page that crashes at once: it is left as it is. */
export const CRASH_RELOAD_PAUSE_MS = 10_000;

/** A navigation of the main frame to a new document (a reload): the page that showed the sessions is gone. */
export function replacesPage(details: { isMainFrame: boolean; isSameDocument: boolean }): boolean {
  return details.isMainFrame && !details.isSameDocument;
}

/**
 * Whether a page whose renderer went away is loaded again: after a crash, an
 * out-of-memory or a killed renderer, but not when the window closes
 * (`clean-exit`), not when the renderer cannot start at all (it would fail
 * again), and not twice within CRASH_RELOAD_PAUSE_MS (a page that crashes on
 * load would reload for ever).
 */
export function reloadsAfterGone(
  reason: RenderProcessGoneDetails['reason'],
  lastReloadAt: number | undefined,
  now: number,
): boolean {
  if (reason === 'clean-exit' || reason === 'launch-failed' || reason === 'integrity-failure') return false;
  return lastReloadAt === undefined || now - lastReloadAt >= CRASH_RELOAD_PAUSE_MS;
}

export type WatchedPage = Pick<WebContents, 'on' | 'reload' | 'isDestroyed'>;

/** Calls `pageGone` whenever the window's page goes (reload or crash) and reloads a crashed one. */
export function watchPageLoss(page: WatchedPage, pageGone: () => void, now: () => number = Date.now): void {
  let lastReloadAt: number | undefined;
  page.on('did-start-navigation', (details) => {
    if (replacesPage(details)) pageGone();
  });
  page.on('render-process-gone', (_event, details) => {
    pageGone();
    if (page.isDestroyed() || !reloadsAfterGone(details.reason, lastReloadAt, now())) return;
    lastReloadAt = now();
    page.reload();
  });
}
