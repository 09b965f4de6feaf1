// A session nobody shows (its window reloaded or crashed, its browser tab
// closed) is given a grace time for a view to take it over (`sessions.attach`)
// and is closed after it; its connection is kept as for any closed session.
// The desktop window hidden to the tray keeps its page, so its sessions never
// get here.

/** Long enough for a crashed window to come back, short enough that an abandoned shell does not linger. */
export const VIEWER_GRACE_MS = 60_000;

export class ViewerGrace {
  private readonly waiting = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly graceMs: number,
    /** The grace time of a session ran out without a view. */
    private readonly expire: (sessionId: string) => void,
  ) {}

  /** The session's view went away: its grace time starts (once; a second call does not prolong it). */
  viewGone(sessionId: string): void {
    if (this.waiting.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.waiting.delete(sessionId);
      this.expire(sessionId);
    }, this.graceMs);
    // It must not keep a process (tests, a host that stops) alive.
    timer.unref?.();
    this.waiting.set(sessionId, timer);
  }

  /** A view took the session over, or it ended: no grace time runs for it. */
  forget(sessionId: string): void {
    clearTimeout(this.waiting.get(sessionId));
    this.waiting.delete(sessionId);
  }

  /** True while the session waits for a view. */
  isWaiting(sessionId: string): boolean {
    return this.waiting.has(sessionId);
  }

  dispose(): void {
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }
}
