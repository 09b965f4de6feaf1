// Which browser tab a session's events go to: the tab (socket) whose
// `sessions.open` started it, or whose `sessions.attach` took it over after
// a reload. A session's output is most of what the host sends; other tabs do
// not show it, and a tab that stopped reading would otherwise hold all of it
// (ws-bridge.ts then cuts it). A session nobody owns (its open not yet
// answered, or its tab gone) goes to every tab, as before: the page keeps
// events that come before its open's answer. A tab that goes away leaves its
// sessions without a view (`viewGone`): the backend closes them after a
// grace time unless a tab attaches them.
import type { EventName, WireResult } from '../shared/contract';

const SESSION_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['terminal.data', 'session.state']);

function sessionIdOf(payload: unknown): string | undefined {
  const id = (payload as { sessionId?: unknown } | null)?.sessionId;
  return typeof id === 'string' ? id : undefined;
}

function ended(event: EventName, payload: unknown): boolean {
  return event === 'session.state' && (payload as { state?: unknown } | null)?.state === 'disconnected';
}

export class SessionRoutes<Tab> {
  private readonly owners = new Map<string, Tab>();

  constructor(
    /** A session's tab went away (not a session it closed, nor one that ended). */
    private readonly viewGone: (sessionId: string) => void = () => {},
  ) {}

  /** Called with each call's result before it is sent, so the next event already follows it. */
  noteResult(tab: Tab, call: string, input: unknown, result: WireResult): void {
    if (!result.ok) return;
    if (call === 'sessions.open') {
      const id = sessionIdOf(result.value);
      if (id) this.owners.set(id, tab);
    } else if (call === 'sessions.attach') {
      const id = sessionIdOf(input);
      if (id) this.owners.set(id, tab);
    } else if (call === 'sessions.close') {
      const id = sessionIdOf(input);
      if (id && this.owners.get(id) === tab) this.owners.delete(id);
    }
  }

  /**
   * Called by each tab after it was offered an event. A session that ended
   * (`disconnected`) is forgotten once every tab has been offered that event,
   * so its end, too, goes only to its tab.
   */
  noteEvent(tab: Tab, event: EventName, payload: unknown): void {
    if (!ended(event, payload)) return;
    const id = sessionIdOf(payload);
    if (id === undefined || this.owners.get(id) !== tab) return;
    queueMicrotask(() => {
      if (this.owners.get(id) === tab) this.owners.delete(id);
    });
  }

  /** The tab closed: its sessions go to every tab again (until one attaches them) and wait for a view. */
  release(tab: Tab): void {
    for (const [id, owner] of this.owners) {
      if (owner !== tab) continue;
      this.owners.delete(id);
      this.viewGone(id);
    }
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
