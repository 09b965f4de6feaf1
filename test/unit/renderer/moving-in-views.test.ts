// The moving-in steps around the preview, as static HTML, with the names the
// e2e tests find them by: the source picker, the preview's buttons, the
// result ("3 Profile importiert, 1 ersetzt, …") and skipped items, the
// first-use offer, the export texts, and a key file's first step.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ExportText } from '../../../src/renderer/views/moving-in/ExportText';
import { ImportOfferCard } from '../../../src/renderer/views/moving-in/ImportOffer';
import { ImportPreviewForm } from '../../../src/renderer/views/moving-in/ImportPreviewForm';
import { ImportResultView } from '../../../src/renderer/views/moving-in/ImportResultView';
import { ImportSourcePicker } from '../../../src/renderer/views/moving-in/ImportSourcePicker';
import type { AppContextValue } from '../../../src/renderer/app/context';
import type { ImportPreview, ImportResult } from '../../../src/shared/contract/moving-in';
import { renderMovingIn, samplePreview, textById, textOf } from './moving-in-render';

const buttons = (html: string) =>
  [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map((m) => {
    const label = /aria-label="([^"]*)"/.exec(m[1]!)?.[1];
    return label ?? textOf(m[2]!);
  });
const labels = (html: string) => [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => textOf(m[1]!));

const result = (overrides: Partial<ImportResult> = {}): ImportResult => ({
  profilesAdded: 3,
  profilesReplaced: 1,
  hostKeysAdded: 5,
  hostKeysReplaced: 0,
  skipped: [
    { id: 'p2', label: 'meine', reason: 'duplicate' },
    { id: 'h9', label: 'h9', reason: 'gone' },
  ],
  ...overrides,
});

describe('import source', () => {
  const show = (info: Partial<AppContextValue['info']>, language: 'de' | 'en' = 'de') =>
    renderMovingIn(createElement(ImportSourcePicker, { onPreview() {}, onCancel() {} }), language, {
      info: { shell: 'browser', platform: 'linux', ...info } as AppContextValue['info'],
    });

  it('offers this computer and a file, named for the e2e tests', async () => {
    const html = await show({});
    expect(buttons(html)).toEqual(['Von diesem Computer', 'Datei lesen', 'Abbrechen']);
    expect(labels(html)).toEqual(['Datei']);
    expect(textById(html, 'import-this-computer-hint')).toBe('Liest ~/.ssh/config und ~/.ssh/known_hosts.');
    expect(buttons(await show({}, 'en'))).toEqual(['From this computer', 'Read file', 'Cancel']);
  });

  it("names PuTTY's registry on Windows, and offers the file dialog in Electron", async () => {
    const html = await show({ platform: 'win32', shell: 'electron' });
    expect(textById(html, 'import-this-computer-hint')).toContain(
      'PuTTY-Sitzungen und -Hostschlüssel aus der Registry',
    );
    expect(buttons(html)).toContain('Durchsuchen …');
  });
});

describe('import preview form', () => {
  const show = (preview: ImportPreview) =>
    renderMovingIn(
      createElement(ImportPreviewForm, { preview, defaultUser: 'u', onApplied() {}, onCancel() {} }),
    );

  it('has Auswahl importieren and Abbrechen, and says what is selected', async () => {
    const html = await show(samplePreview());
    expect(buttons(html)).toEqual(['Auswahl importieren', 'Abbrechen']);
    expect(textOf(html)).toContain('Ausgewählt: Profile 1, Hostschlüssel 2, Schlüsseldateien 1.');
    expect(html).toMatch(/<h2 id="import-preview-title" tabindex="-1">Vorschau: Was importiert wird<\/h2>/);
  });

  it('cannot import when nothing can be ticked', async () => {
    const preview = { ...samplePreview(), profiles: [], hostKeys: [], keyFiles: [] };
    const html = await show(preview);
    expect(html).toMatch(/<button type="submit" class="primary" disabled="">Auswahl importieren<\/button>/);
    expect(textOf(html)).toContain('Nichts ausgewählt.');
  });
});

describe('import result', () => {
  const show = (
    r: ImportResult,
    language: 'de' | 'en' = 'de',
    keyFiles = samplePreview().keyFiles.slice(0, 1),
  ) => renderMovingIn(createElement(ImportResultView, { result: r, keyFiles, onDone() {} }), language);
  const status = (html: string) =>
    textOf(/<p role="status" class="import-result">(.*?)<\/p>/.exec(html)![1]!);

  it('says what was imported, replaced and skipped', async () => {
    const html = await show(result());
    expect(status(html)).toBe('3 Profile importiert, 1 ersetzt, 5 Hostschlüssel übernommen, 2 übersprungen.');
    expect(textOf(html)).toContain(
      'Übersprungen meine (schon vorhanden) h9 (Vorschau veraltet, bitte neu lesen)',
    );
    expect(status(await show(result(), 'en'))).toBe(
      '3 profiles imported, 1 replaced, 5 host keys added, 2 skipped.',
    );
  });

  it('leaves out what did not happen, and counts one in the singular', async () => {
    const html = await show(
      result({ profilesAdded: 1, profilesReplaced: 0, hostKeysAdded: 0, hostKeysReplaced: 2, skipped: [] }),
    );
    expect(status(html)).toBe('1 Profil importiert, 0 Hostschlüssel übernommen, 2 ersetzt.');
    expect(textOf(html)).not.toContain('Übersprungen');
  });

  it('loads each ticked key file, then Fertig', async () => {
    const html = await show(result());
    expect(textOf(html)).toContain(
      'Schlüsseldateien in den Agenten laden /home/max/.ssh/id_ed25519 Wird geladen …',
    );
    expect(buttons(html)).toEqual(['Fertig']);
    expect(textOf(await show(result(), 'de', []))).not.toContain('Schlüsseldateien in den Agenten laden');
  });
});

describe('first-use offer', () => {
  const show = (preview: ImportPreview, language: 'de' | 'en' = 'de') =>
    renderMovingIn(createElement(ImportOfferCard, { preview, onOpen() {}, onDismiss() {} }), language);

  it('counts the new sessions', async () => {
    const preview = samplePreview();
    preview.profiles[1]!.status = 'new';
    const html = await show(preview);
    expect(textOf(html)).toContain(
      'Auf diesem Computer wurden 2 PuTTY-/OpenSSH-Sitzungen gefunden. Importieren?',
    );
    expect(buttons(html)).toEqual(['Ansehen und importieren …', 'Nein, danke']);
    expect(textOf(await show(samplePreview(), 'en'))).toContain(
      '1 PuTTY/OpenSSH session was found on this computer. Import it?',
    );
  });

  it('counts new host keys when there is no new session', async () => {
    const preview = { ...samplePreview(), profiles: [] };
    expect(textOf(await show(preview))).toContain(
      'Auf diesem Computer wurden 2 bekannte Hostschlüssel von PuTTY/OpenSSH gefunden. Importieren?',
    );
  });
});

describe('export text', () => {
  it('shows the text read-only, named by its title, with Kopieren, Speichern and the Include line', async () => {
    const html = await renderMovingIn(
      createElement(ExportText, {
        id: 'export-ssh-config',
        title: 'SSH-Konfiguration (Profile)',
        file: { fileName: 'fernwartung.ssh-config', text: 'Host testschule\n  HostName testschule.de\n' },
        hint: 'Hinweis',
        snippet: 'Include ~/.ssh/fernwartung.ssh-config',
      }),
    );
    expect(html).toMatch(
      /<textarea class="export-text" aria-labelledby="export-ssh-config-title"[^>]*readOnly=""/,
    );
    expect(html).toContain('>Host testschule\n  HostName testschule.de\n</textarea>');
    expect(textById(html, 'export-ssh-config-title')).toBe('SSH-Konfiguration (Profile)');
    expect(buttons(html)).toEqual([
      'SSH-Konfiguration (Profile) kopieren',
      'SSH-Konfiguration (Profile) speichern',
    ]);
    expect(textOf(html)).toContain('Include ~/.ssh/fernwartung.ssh-config');
  });
});
