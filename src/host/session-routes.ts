// Which browser tab a session's events go to: the tab (socket) whose
// `sessions.open` started it. A session's output is most of what the host
// sends; other tabs do not show it, and a tab that stopped reading would
// otherwise hold all of it (ws-bridge.ts then cuts it). A session nobody owns
// (its open not yet answered, or its tab gone) goes to every tab, as before:
// the page keeps events that come before its open's answer.
import type { EventName, WireResult } from '../shared/contract';

const SESSION_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['terminal.data', 'session.state']);

function sessionIdOf(payload: unknown): string | undefined {
  const id = (payload as { sessionId?: unknown } | null)?.sessionId;
  return typeof id === 'string' ? id : undefined;
}

export class SessionRoutes<Tab> {
  private readonly owners = new Map<string, Tab>();

  /** Called with each call's result before it is sent, so the next event already follows it. */
  noteResult(tab: Tab, call: string, input: unknown, result: WireResult): void {
    if (!result.ok) return;
    if (call === 'sessions.open') {
      const id = sessionIdOf(result.value);
      if (id) this.owners.set(id, tab);
    } else if (call === 'sessions.close') {
      const id = sessionIdOf(input);
      if (id && this.owners.get(id) === tab) this.owners.delete(id);
    }
  }

  /** The tab closed: its sessions go to every tab again (until one takes them over). */
  release(tab: Tab): void {
    for (const [id, owner] of this.owners) if (owner === tab) this.owners.delete(id);
  }

  wants(tab: Tab, event: EventName, payload: unknown): boolean {
    if (!SESSION_EVENTS.has(event)) return true;
    const id = sessionIdOf(payload);
    const owner = id === undefined ? undefined : this.owners.get(id);
    return owner === undefined || owner === tab;
  }

  /** Sessions with an owner (for tests and leak checks). */
  get size(): number {
    return this.owners.size;
  }
}
