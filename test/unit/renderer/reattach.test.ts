// A window that starts takes over, each in a tab, the sessions nobody shows,
// and leaves those another window shows; a duplicate of such a tab opens a
// session of its own.
import { describe, expect, it } from 'vitest';
import type { LiveSession } from '../../../src/shared/contract/sessions';
import { tabsToReattach } from '../../../src/renderer/app/reattach';
import { PageSessions } from '../../../src/renderer/app/page-sessions';
import { initialTabs, tabsReducer } from '../../../src/renderer/app/tabs';

const live = (sessionId: string, viewed: boolean, extra: Partial<LiveSession> = {}): LiveSession => ({
  sessionId,
  target: { profileId: 'p1' },
  profileId: 'p1',
  title: 'Testschule',
  host: 'schule.example',
  user: 'iserv-max',
  autoReconnect: true,
  state: { sessionId, profileId: 'p1', state: 'connected' },
  viewed,
  ...extra,
});

describe('tabs to reattach', () => {
  it('makes a tab for each session nobody shows, in the order they were opened', () => {
    const quick = live('s3', false, {
      target: { quick: { kind: 'portal', host: 'andere.example' } },
      profileId: 'quick:portal:andere.example',
      title: 'andere.example',
      host: 'andere.example',
      autoReconnect: false,
    });
    expect(tabsToReattach([live('s1', false), live('s2', true), quick]).tabs).toEqual([
      {
        target: { profileId: 'p1' },
        title: 'Testschule',
        host: 'schule.example',
        user: 'iserv-max',
        autoReconnect: true,
        attach: 's1',
      },
      {
        target: { quick: { kind: 'portal', host: 'andere.example' } },
        title: 'andere.example',
        host: 'andere.example',
        user: 'iserv-max',
        autoReconnect: false,
        attach: 's3',
      },
    ]);
    expect(tabsToReattach([])).toEqual({ tabs: [], lookAgain: false });
  });

  it('looks again while a session counts as shown elsewhere (the replaced page’s socket still closing), never taking one twice', () => {
    const first = tabsToReattach([live('s1', false), live('s2', true)]);
    expect(first.tabs.map((tab) => tab.attach)).toEqual(['s1']);
    expect(first.lookAgain).toBe(true);
    // A moment later: s1 is this page's now (viewed), s2's old page has gone.
    const taken = new Set(['s1']);
    const again = tabsToReattach([live('s1', true), live('s2', false)], taken);
    expect(again.tabs.map((tab) => tab.attach)).toEqual(['s2']);
    expect(again.lookAgain).toBe(false);
    // One this page took but whose attach has not been answered yet is not taken again.
    expect(tabsToReattach([live('s1', false)], taken)).toEqual({ tabs: [], lookAgain: false });
  });

  it('takes the sessions this page showed before its reload, even while they still count as shown by the old page', () => {
    const own = new Set(['s2']);
    const found = tabsToReattach([live('s1', true), live('s2', true), live('s3', false)], new Set(), own);
    expect(found.tabs.map((tab) => tab.attach)).toEqual(['s2', 's3']);
    // s1 is another page's (a second browser tab): left to it, looked at once more.
    expect(found.lookAgain).toBe(true);
    expect(tabsToReattach([live('s2', true)], new Set(), own).lookAgain).toBe(false);
  });

  it("keeps the page's own sessions in its storage, and survives a garbled entry", () => {
    const map = new Map<string, string>();
    const store = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => map.set(k, v),
    };
    const sessions = new PageSessions(store);
    sessions.remember('a');
    sessions.remember('b');
    sessions.remember('a');
    sessions.forget('b');
    expect([...new PageSessions(store).ids()]).toEqual(['a']);
    map.set('fernwartung.sessions', '{not json');
    expect(new PageSessions(store).ids().size).toBe(0);
    map.set('fernwartung.sessions', '[1, "c", null]');
    expect([...new PageSessions(store).ids()]).toEqual(['c']);
    expect(new PageSessions(undefined).ids().size).toBe(0);
  });

  it('a duplicate of a reattached tab opens a new session, never the same one', () => {
    const [tab] = tabsToReattach([live('s1', false)]).tabs;
    let state = tabsReducer(initialTabs, { type: 'open', tab: tab! });
    expect(state.tabs[0]).toMatchObject({ attach: 's1', title: 'Testschule' });
    state = tabsReducer(state, { type: 'duplicate', id: state.tabs[0]!.id });
    expect(state.tabs).toHaveLength(2);
    expect(state.tabs[1]!.attach).toBeUndefined();
    expect(state.tabs[1]).toMatchObject({ target: { profileId: 'p1' }, title: 'Testschule' });
  });
});
