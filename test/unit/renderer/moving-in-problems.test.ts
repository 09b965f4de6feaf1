// What the importers could not offer, below the preview: every problem with
// its source file and line ("config, Zeile 12") and its text with the params,
// in German and English; also when nothing else was found.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ImportProblems } from '../../../src/renderer/views/moving-in/ImportProblems';
import { PreviewLists } from '../../../src/renderer/views/moving-in/PreviewLists';
import { initialSelection } from '../../../src/renderer/views/moving-in/selection';
import type { ImportPreview } from '../../../src/shared/contract/moving-in';
import type { ImportProblem } from '../../../src/shared/model/moving-in';
import { renderMovingIn, samplePreview, textOf } from './moving-in-render';

const items = (html: string) =>
  [...html.matchAll(/<ul class="import-problems"[^>]*>(.*?)<\/ul>/gs)].flatMap((list) =>
    [...list[1]!.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => textOf(m[1]!)),
  );

const showProblems = (problems: ImportProblem[], language: 'de' | 'en' = 'de') =>
  renderMovingIn(createElement(ImportProblems, { problems }), language);

describe('import problems', () => {
  it('lists each problem with its file and line, in German', async () => {
    const html = await showProblems(samplePreview().problems);
    expect(html).toMatch(/<h3 id="import-problems-title">Hinweise beim Lesen<\/h3>/);
    expect(items(html)).toEqual([
      'config, Zeile 12: Host weit geht über mehrere Sprungserver (a,b); die App kennt nur einen Portalserver: nicht übernommen.',
      'PuTTY (Registry): Die Sitzung »alt« verwendet telnet, nicht SSH: nicht übernommen.',
    ]);
    // The full path stays at hand.
    expect(html).toContain('title="/home/max/.ssh/config"');
  });

  it('says it in English', async () => {
    expect(items(await showProblems(samplePreview().problems, 'en'))).toEqual([
      'config, line 12: Host weit goes through several jump hosts (a,b); the app knows only one portal server: not taken over.',
      'PuTTY (registry): The session “alt” uses telnet, not SSH: not taken over.',
    ]);
  });

  it('puts a profile field and a file error into words, and keeps unknown ones as they came', async () => {
    const problems: ImportProblem[] = [
      {
        source: 'C:\\Users\\max\\putty.reg',
        line: 40,
        code: 'profile.invalid',
        params: { name: 'x', field: 'host' },
      },
      { source: '/tmp/a', line: null, code: 'import.fileUnreadable', params: { reason: 'ENOENT' } },
      { source: '/tmp/b', line: null, code: 'import.fileUnreadable', params: { reason: 'EIO' } },
      // A param named like an i18next option stays a value.
      { source: '/tmp/c', line: 2, code: 'sshConfig.badLine', params: { keyword: 'Port', count: 3 } },
    ];
    expect(items(await showProblems(problems))).toEqual([
      'putty.reg, Zeile 40: »x« ist als Profil nicht gültig (Server): nicht übernommen.',
      'a: Die Datei konnte nicht gelesen werden (nicht gefunden).',
      'b: Die Datei konnte nicht gelesen werden (EIO).',
      'c, Zeile 2: Die Zeile mit Port ist nicht lesbar und wurde übersprungen.',
    ]);
  });

  it('shows the problems also when nothing else was found', async () => {
    const preview: ImportPreview = {
      ...samplePreview(),
      sources: ['/home/max/putty.reg'],
      profiles: [],
      hostKeys: [],
      keyFiles: [],
      problems: [{ source: '/home/max/putty.reg', line: null, code: 'reg.truncated', params: {} }],
    };
    const html = await renderMovingIn(
      createElement(PreviewLists, {
        preview,
        selection: initialSelection(preview),
        defaultUser: 'u',
        onToggle() {},
      }),
    );
    const text = textOf(html);
    expect(text).toContain('Gelesen: putty.reg');
    expect(text).toContain('Nichts zum Importieren gefunden.');
    expect(text).toContain('Keine Profile gefunden.');
    expect(items(html)).toEqual(['putty.reg: Der Registry-Export ist unvollständig; der Rest fehlt.']);
  });

  it('shows no problem section when there are none', async () => {
    expect(await showProblems([])).toBe('');
  });
});
