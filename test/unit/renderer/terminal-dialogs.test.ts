// The paste warning and the search bar as rendered, in both languages.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { PasteWarning } from '../../../src/renderer/views/terminal/PasteWarning';
import { SearchBar, searchStatus } from '../../../src/renderer/views/terminal/SearchBar';
import { searchDecorations } from '../../../src/renderer/views/terminal/terminal-theme';
import { i18nFor, render, textOf } from './render';

const noop = () => undefined;

describe('multi-line paste warning', () => {
  it('says how many lines, shows the first ones and what is left out, with Cancel focused', async () => {
    const text = Array.from({ length: 12 }, (_, i) => `echo zeile-${i + 1}`).join('\r\n');
    const html = await render(createElement(PasteWarning, { text, onPaste: noop, onCancel: noop }));
    expect(textOf(html)).toContain('Mehrere Zeilen einfügen?');
    expect(textOf(html)).toContain('Der Text hat 12 Zeilen.');
    expect(html).toContain('echo zeile-1\necho zeile-2\necho zeile-3\necho zeile-4\necho zeile-5<');
    expect(html).not.toContain('zeile-6');
    expect(textOf(html)).toContain('… und 7 weitere Zeilen');
    expect(html).toMatch(/<dialog[^>]*aria-labelledby="[^"]+"[^>]*aria-describedby="[^"]+"/);
  });

  it('speaks English too, one line left out in the singular', async () => {
    const text = Array.from({ length: 6 }, (_, i) => `line ${i}`).join('\n');
    const html = textOf(
      await render(createElement(PasteWarning, { text, onPaste: noop, onCancel: noop }), 'en'),
    );
    expect(html).toContain('Paste several lines?');
    expect(html).toContain('… and 1 more line');
    expect(html).toContain('Paste Cancel');
  });
});

describe('scrollback search bar', () => {
  it('names its field and buttons', async () => {
    const html = await render(
      createElement(SearchBar, {
        search: () => undefined,
        decorations: searchDecorations('dark'),
        focusRequest: 1,
        onClose: noop,
      }),
    );
    for (const name of [
      'role="search" aria-label="Suche im Verlauf"',
      'aria-label="Im Verlauf suchen"',
      'aria-label="Vorheriger Treffer (Umschalt+Eingabe)"',
      'aria-label="Nächster Treffer (Eingabe)"',
      'aria-label="Suche schließen (Esc)"',
    ])
      expect(html).toContain(name);
  });

  it('tells where the search stands, with texts that exist in both languages', async () => {
    expect(searchStatus('', { resultIndex: 0, resultCount: 3 })).toBeUndefined();
    expect(searchStatus('x', undefined)).toBeUndefined();
    const cases = [
      [{ resultIndex: 0, resultCount: 3 }, 'Treffer 1 von 3', 'Match 1 of 3'],
      [{ resultIndex: -1, resultCount: 0 }, 'Keine Treffer', 'No matches'],
      [{ resultIndex: -1, resultCount: 5000 }, 'Mehr als 1000 Treffer', 'More than 1000 matches'],
    ] as const;
    const de = await i18nFor('de');
    const en = await i18nFor('en');
    for (const [results, german, english] of cases) {
      const status = searchStatus('wort', results)!;
      expect(de.t(status.key, status.values)).toBe(german);
      expect(en.t(status.key, status.values)).toBe(english);
    }
  });
});
