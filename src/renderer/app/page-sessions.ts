// The sessions this page shows, kept in the tab's sessionStorage so that a
// reload finds its own again. Without it a reloaded page took over only the
// sessions the backend already counted as shown by nobody, and the host learns
// that only once the old page's socket has closed: a socket slower than the
// page's second look (reattach.ts) left its sessions to the grace time.
// Only a reload claims them: a duplicated browser tab copies sessionStorage
// too, and must not take the first tab's sessions away.

const KEY = 'fernwartung.sessions';

/** The part of Storage this uses (sessionStorage in the page, a map in tests). */
export type SessionStore = Pick<Storage, 'getItem' | 'setItem'>;

export class PageSessions {
  constructor(private readonly store: SessionStore | undefined) {}

  /** The session ids this page showed when it was left, if any. */
  ids(): Set<string> {
    try {
      const parsed: unknown = JSON.parse(this.store?.getItem(KEY) ?? '[]');
      return new Set(
        Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [],
      );
    } catch {
      return new Set();
    }
  }

  remember(sessionId: string): void {
    this.write([...this.ids(), sessionId]);
  }

  forget(sessionId: string): void {
    this.write([...this.ids()].filter((id) => id !== sessionId));
  }

  private write(ids: string[]): void {
    try {
      this.store?.setItem(KEY, JSON.stringify([...new Set(ids)]));
    } catch {
      // Storage full or refused: a reload then falls back to the sessions nobody shows.
    }
  }
}

/** This page's registry; none where sessionStorage is unavailable. */
export const pageSessions = new PageSessions(
  typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
);

/** Whether this page was loaded by a reload (not a new or duplicated tab, which must not claim sessions). */
export function loadedByReload(): boolean {
  const entry = globalThis.performance?.getEntriesByType?.('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  return entry?.type === 'reload';
}
