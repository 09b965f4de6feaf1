import { describe, expect, it } from 'vitest';
import { linkClickAllowed, openableLink, openLink } from '../../../src/renderer/views/terminal/open-link';
import { bellAllowed, BELL_INTERVAL_MS } from '../../../src/renderer/views/terminal/bell';

describe('links in terminal output', () => {
  it('opens only http and https', () => {
    expect(openableLink('https://iserv.de/doc')).toBe('https://iserv.de/doc');
    expect(openableLink('http://schule.example/x?y=1')).toBe('http://schule.example/x?y=1');
    for (const uri of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'ssh://host',
      'nonsense',
    ])
      expect(openableLink(uri), uri).toBeUndefined();
  });

  it('opens in a new window without opener, never in the app page', () => {
    const opened: unknown[][] = [];
    const open = ((...args: unknown[]) => (opened.push(args), null)) as typeof window.open;
    expect(openLink('https://iserv.de/', open)).toBe(true);
    expect(openLink('javascript:alert(1)', open)).toBe(false);
    expect(opened).toEqual([['https://iserv.de/', '_blank', 'noopener,noreferrer']]);
  });

  it('needs Ctrl (⌘ on macOS) with the click', () => {
    expect(linkClickAllowed({ ctrlKey: false, metaKey: false }, false)).toBe(false);
    expect(linkClickAllowed({ ctrlKey: true, metaKey: false }, false)).toBe(true);
    expect(linkClickAllowed({ ctrlKey: true, metaKey: false }, true)).toBe(false);
    expect(linkClickAllowed({ ctrlKey: false, metaKey: true }, true)).toBe(true);
  });
});

describe('terminal bell', () => {
  it('rings at most once a second, however many bells arrive', () => {
    expect(bellAllowed(undefined, 5000)).toBe(true);
    expect(bellAllowed(5000, 5000 + BELL_INTERVAL_MS - 1)).toBe(false);
    expect(bellAllowed(5000, 5000 + BELL_INTERVAL_MS)).toBe(true);
  });
});
