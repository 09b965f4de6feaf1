// The tab bar as static HTML: the tablist holds only tabs (axe's
// aria-required-children), session tabs join it by aria-owns, and tabs and
// close buttons keep the names the e2e tests find them by; a session tab
// carries its full name and state as title (the strip may cut it), shows its
// state by a mark that is no part of its name and says the state and the keys
// in its description, and can be dragged; the selected tab is scrolled into view.
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { scrollActiveTabIntoView, TabBar, type SessionTabLabel } from '../../../src/renderer/app/TabBar';
import { render, textOf } from './render';

const views = [
  { id: 0, name: 'Start' },
  { id: -2, name: 'Agent' },
];
const sessions: SessionTabLabel[] = [
  { id: 1, title: 'Testschule', user: 'iserv-max.mustermann', state: 'connected' },
  { id: 2, title: 'meine-schule.de', user: 'iserv-max.mustermann', state: 'connecting' },
];

const show = (list: SessionTabLabel[], platform = 'linux', language: 'de' | 'en' = 'de') =>
  render(
    createElement(TabBar, {
      views,
      sessions: list,
      active: 1,
      platform,
      onSelect() {},
      onClose() {},
      onRename() {},
      onDuplicate() {},
      onMove() {},
    }),
    language,
  );

/** The session tab button `id`: its attributes and its accessible name (the mark is aria-hidden). */
function sessionTab(html: string, id: number): { attributes: string; name: string } {
  const match = new RegExp(`<button id="session-tab-${id}"([^>]*)>(.*?)</button>`).exec(html);
  expect(match).not.toBeNull();
  const name = textOf(match![2]!.replace(/<span class="tab-mark" aria-hidden="true">.*?<\/span>/, ''));
  return { attributes: match![1]!, name };
}

/** The text of the element `id` (a hidden description). */
function described(html: string, id: string): string {
  const match = new RegExp(`<span id="${id}" hidden="">(.*?)</span>`).exec(html);
  expect(match).not.toBeNull();
  return textOf(match![1]!);
}

/** The tablist's own attributes and what stands inside it (it holds no nested div). */
function tablist(html: string): { attributes: string; inner: string } {
  const match = /<div role="tablist"([^>]*)>(.*?)<\/div>/.exec(html);
  expect(match).not.toBeNull();
  return { attributes: match![1]!, inner: match![2]! };
}

describe('tab bar', () => {
  it('keeps only tabs inside the tablist; the close buttons stand outside it', async () => {
    const html = await show(sessions);
    const { attributes, inner } = tablist(html);
    const elements = [...inner.matchAll(/<(\w+)([^>]*)>/g)];
    expect(elements.map(([, tag]) => tag)).toEqual(['button', 'button']);
    for (const [, , attrs] of elements) expect(attrs).toContain('role="tab"');
    expect(inner).not.toContain('tab-close');
    expect(attributes).toContain('aria-owns="session-tab-1 session-tab-2"');
  });

  it('makes every owned id a session tab, named by its title, with its own close button', async () => {
    const html = await show(sessions);
    const tab = sessionTab(html, 1);
    expect(tab.attributes).toContain('role="tab"');
    expect(tab.attributes).toContain('aria-selected="true"');
    expect(tab.name).toBe('Testschule iserv-max.mustermann');
    expect(html).toMatch(/<button id="session-tab-2"[^>]*role="tab"[^>]*aria-selected="false"/);
    expect(html).toContain('aria-label="Tab Testschule schließen"');
    expect(html).toContain('aria-label="Tab meine-schule.de schließen"');
  });

  it('owns nothing while no session is open', async () => {
    expect(tablist(await show([])).attributes).not.toContain('aria-owns');
  });

  it('gives a session tab its full name and state as title, however the strip cuts it', async () => {
    const html = await show(sessions);
    expect(sessionTab(html, 1).attributes).toContain('title="Testschule iserv-max.mustermann · Verbunden"');
    expect(sessionTab(html, 2).attributes).toContain(
      'title="meine-schule.de iserv-max.mustermann · Verbindet"',
    );
  });

  it('marks each state by its own shape, outside the name', async () => {
    const states: SessionTabLabel['state'][] = [
      'connecting',
      'waitingForApproval',
      'connected',
      'disconnected',
    ];
    const html = await show(states.map((state, i) => ({ id: i + 1, title: `t${i}`, user: 'u', state })));
    const marks = [...html.matchAll(/<span class="tab-mark" aria-hidden="true">(.*?)<\/span>/g)].map(
      (m) => m[1],
    );
    expect(marks).toHaveLength(4);
    expect(new Set(marks).size).toBe(4);
    for (const [i] of states.entries()) expect(sessionTab(html, i + 1).name).toBe(`t${i} u`);
  });

  it('says the state and the keys in the description, per platform and language', async () => {
    const html = await show(sessions);
    expect(sessionTab(html, 1).attributes).toContain('aria-describedby="session-tab-1-description"');
    expect(described(html, 'session-tab-1-description')).toBe(
      'Verbunden. Strg+Umschalt+Bild↑ oder Bild↓ verschiebt den Tab, F2 benennt ihn um, Umschalt+F10 öffnet sein Menü.',
    );
    expect(described(html, 'session-tab-2-description')).toMatch(/^Verbindet\. /);
    const mac = await show(sessions, 'darwin', 'en');
    expect(described(mac, 'session-tab-1-description')).toBe(
      'Connected. Cmd+Shift+PgUp or PgDn moves the tab, F2 renames it, Shift+F10 opens its menu.',
    );
  });

  it('lets session tabs be dragged, not the fixed views', async () => {
    const html = await show(sessions);
    expect([...html.matchAll(/<span class="tab state-\w+" draggable="true"/g)]).toHaveLength(2);
    expect(tablist(html).inner).not.toContain('draggable');
  });
});

describe('scrollActiveTabIntoView', () => {
  /** A strip whose selected tab stands in `wrapper` (a session tab) or alone (a view). */
  function strip(wrapper: boolean) {
    const own = vi.fn();
    const wrapperScroll = vi.fn();
    const selectors: string[] = [];
    const tab = {
      scrollIntoView: own,
      closest: () => (wrapper ? { scrollIntoView: wrapperScroll } : null),
    };
    const node = {
      querySelector: (selector: string) => {
        selectors.push(selector);
        return tab;
      },
    } as unknown as ParentNode;
    return { node, own, wrapperScroll, selectors };
  }

  it('scrolls a session tab with its close button as little as needed', () => {
    const { node, own, wrapperScroll, selectors } = strip(true);
    scrollActiveTabIntoView(node);
    expect(selectors).toEqual(['[role="tab"][aria-selected="true"]']);
    expect(wrapperScroll).toHaveBeenCalledWith({ block: 'nearest', inline: 'nearest' });
    expect(own).not.toHaveBeenCalled();
  });

  it('scrolls a view tab itself', () => {
    const { node, own } = strip(false);
    scrollActiveTabIntoView(node);
    expect(own).toHaveBeenCalledWith({ block: 'nearest', inline: 'nearest' });
  });

  it('does nothing when no tab is selected', () => {
    expect(() =>
      scrollActiveTabIntoView({ querySelector: () => null } as unknown as ParentNode),
    ).not.toThrow();
  });
});
