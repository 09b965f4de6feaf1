// The tray's requests to the window wait in main until a window takes them
// (a window opened for a request subscribes only after its page loads), and
// the tray follows profile changes, a profile marked as used included.
import { afterEach, describe, expect, it } from 'vitest';
import { WindowRequests } from '../../../src/main/app/window-requests';
import { EventBus } from '../../../src/main/contract/event-bus';
import { ProfileService, profilesDocument } from '../../../src/main/services/profiles/profile-service';
import { createMemoryStore } from '../../../src/main/storage/document-store';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';

describe('window requests', () => {
  const opened: TestBackend[] = [];
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.cleanup();
  });

  it('reach a window that subscribes late, once, through the contract', async () => {
    const t = startTestBackend();
    opened.push(t);
    t.backend.windowRequests.request({ kind: 'openProfile', profileId: 'p1' });
    // The window loads now: it was not there for the event, and takes what waits.
    const seen: string[] = [];
    t.api.on('window.requested', () => seen.push('requested'));
    expect(await t.api.window.takeRequests()).toEqual([{ kind: 'openProfile', profileId: 'p1' }]);
    expect(await t.api.window.takeRequests()).toEqual([]);
    t.backend.windowRequests.request({ kind: 'showAgent' });
    expect(seen).toEqual(['requested']);
    expect(await t.api.window.takeRequests()).toEqual([{ kind: 'showAgent' }]);
  });

  it('drop a click nobody took within a minute', () => {
    let now = 0;
    const requests = new WindowRequests(new EventBus(), () => now);
    requests.request({ kind: 'showAgent' });
    now = 61_000;
    requests.request({ kind: 'openProfile', profileId: 'p2' });
    expect(requests.take()).toEqual([{ kind: 'openProfile', profileId: 'p2' }]);
  });

  it('say whether the shell starts the app at login (the test shell cannot)', async () => {
    const t = startTestBackend();
    opened.push(t);
    expect((await t.api.app.info()).startAtLogin).toBe(false);
  });
});

const draft = (name: string, host: string) => ({
  kind: 'portal' as const,
  name,
  host,
  port: 22,
  portalHost: '',
  portalPort: 22,
  user: '',
  keyPath: '',
  favourite: false,
  lastUsedAt: null,
  agentForwarding: false,
  autoReconnect: false,
});

describe('profile changes', () => {
  it('are told on save, use and removal', () => {
    const service = new ProfileService(createMemoryStore(profilesDocument.defaults));
    const seen: string[][] = [];
    const off = service.onChange((profiles) => seen.push(profiles.map((p) => `${p.name}:${p.lastUsedAt}`)));
    const saved = service.save(draft('A', 'a.de'));
    service.touch(saved.id, 7);
    service.remove(saved.id);
    off();
    service.save(draft('B', 'b.de'));
    expect(seen).toEqual([['A:null'], ['A:7'], []]);
  });
});
