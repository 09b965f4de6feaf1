// What a fault may leave behind in the test process, counted before and after:
// Node's active handles and requests by type (sockets, timers, servers), the
// backend's kept connections, open prompts and event bus listeners, and the
// SSH channels open on kept connections. The fixtures (DUO server, sshd, relay)
// live in the same process, so their listeners count on both sides alike.
import type { TestBackend } from '../../fixtures/app/backend';

export interface Footprint {
  resources: Record<string, number>;
  kept: number;
  prompts: number;
  eventListeners: number;
  channels: number;
}

interface KeptInternals {
  kept: { entries: Map<string, { connection: { client: { _chanMgr: { _count: number } } } }> };
}

export function footprint(app: TestBackend): Footprint {
  const resources: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) resources[type] = (resources[type] ?? 0) + 1;
  // Private fields, read only here: no public count of listeners or channels exists.
  const bus = app.backend.events as unknown as { listeners: Set<unknown> };
  const { kept } = app.backend.sessions as unknown as KeptInternals;
  let channels = 0;
  for (const entry of kept.entries.values()) channels += entry.connection.client._chanMgr._count;
  return {
    resources,
    kept: app.backend.sessions.connections().length,
    prompts: app.backend.prompts.list().length,
    eventListeners: bus.listeners.size,
    channels,
  };
}

/**
 * The footprint before a session: the least seen over a few samples, so a
 * transient handle of the setup (a settings write's timer) is not counted as
 * room for a leaked one.
 */
export async function baseline(app: TestBackend): Promise<Footprint> {
  const least = footprint(app);
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const now = footprint(app);
    for (const type of Object.keys(least.resources))
      least.resources[type] = Math.min(least.resources[type]!, now.resources[type] ?? 0);
    for (const key of ['kept', 'prompts', 'eventListeners', 'channels'] as const)
      least[key] = Math.min(least[key], now[key]);
  }
  return least;
}

/** The counts that grew from `before` to `after` (a transient handle may still be closing). */
function growth(before: Footprint, after: Footprint): string[] {
  const grown: string[] = [];
  const types = new Set([...Object.keys(before.resources), ...Object.keys(after.resources)]);
  for (const type of types) {
    const was = before.resources[type] ?? 0;
    const is = after.resources[type] ?? 0;
    if (is > was) grown.push(`${type} ${was} → ${is}`);
  }
  for (const key of ['kept', 'prompts', 'eventListeners', 'channels'] as const)
    if (after[key] > before[key]) grown.push(`${key} ${before[key]} → ${after[key]}`);
  return grown;
}

/** Waits (closing sockets take a tick or two) until nothing grew; throws with what did. */
export async function expectNoLeaks(app: TestBackend, before: Footprint, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  let grown = growth(before, footprint(app));
  while (grown.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
    grown = growth(before, footprint(app));
  }
  if (grown.length > 0) throw new Error(`leaked after the fault: ${grown.join(', ')}`);
}
