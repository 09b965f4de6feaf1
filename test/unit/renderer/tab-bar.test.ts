// The tab bar as static HTML: the tablist holds only tabs (axe's
// aria-required-children), session tabs join it by aria-owns, and tabs and
// close buttons keep the names the e2e tests find them by; a session tab
// carries its full name as title (the strip may cut it), and the selected tab
// is scrolled into view.
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

const show = (list: SessionTabLabel[]) =>
  render(createElement(TabBar, { views, sessions: list, active: 1, onSelect() {}, onClose() {} }));

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
    const tab = /<button id="session-tab-1"([^>]*)>(.*?)<\/button>/.exec(html);
    expect(tab).not.toBeNull();
    expect(tab![1]).toContain('role="tab"');
    expect(tab![1]).toContain('aria-selected="true"');
    expect(textOf(tab![2]!)).toBe('Testschule iserv-max.mustermann');
    expect(html).toMatch(/<button id="session-tab-2"[^>]*role="tab"[^>]*aria-selected="false"/);
    expect(html).toContain('aria-label="Tab Testschule schließen"');
    expect(html).toContain('aria-label="Tab meine-schule.de schließen"');
  });

  it('owns nothing while no session is open', async () => {
    expect(tablist(await show([])).attributes).not.toContain('aria-owns');
  });

  it('gives a session tab its full name as title, however the strip cuts it', async () => {
    const html = await show(sessions);
    expect(html).toMatch(/<button id="session-tab-1"[^>]*title="Testschule iserv-max.mustermann"/);
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
