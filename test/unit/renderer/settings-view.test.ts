// The settings view as static HTML: every section with its fields named as
// the e2e tests and screen readers find them, the stored values shown, the
// live example of a log file name, the default log folder, and no German
// left in English.
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppContextValue } from '../../../src/renderer/app/context';
import { settingsTexts } from '../../../src/renderer/i18n/locales/settings';
import { defaultLogFolder, isUsableLogFolder } from '../../../src/renderer/views/settings/log-folder';
import { SettingsView } from '../../../src/renderer/views/settings/SettingsView';
import { limitsOf, wholeNumber } from '../../../src/renderer/views/settings/whole-number';
import { defaultSettings, terminalSettingsSchema, type Settings } from '../../../src/shared/model/settings';
import { renderMovingIn, textOf } from './moving-in-render';

const settings: Settings = {
  ...defaultSettings,
  firmPrefix: 'iserv',
  fullName: 'max.mustermann',
  email: 'max@firma.de',
  terminal: { ...defaultSettings.terminal, fontSize: 17, theme: 'light', copyOnSelect: false },
  logging: { ...defaultSettings.logging, mode: 'printable', namePattern: '&N-&Y&M&D-&T-&H-&P.log' },
  startAtLogin: true,
};

const show = (language: 'de' | 'en' = 'de', platform = 'linux', shell: 'browser' | 'electron' = 'browser') =>
  renderMovingIn(createElement(SettingsView, { settings, onSettings() {} }), language, {
    info: {
      shell,
      startAtLogin: shell === 'electron',
      platform,
      dataDir: '/home/max/.config/Fernwartung',
    } as AppContextValue['info'],
  });

/** Each field's label with its control's value (inputs and selects), found by the label's `for`. */
function fields(html: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, id, label] of html.matchAll(/<label for="([^"]+)">(.*?)<\/label>/g)) {
    const input = new RegExp(`<input id="${id}"([^>]*)/>`).exec(html);
    const select = new RegExp(`<select id="${id}"[^>]*>(.*?)</select>`, 's').exec(html);
    found[textOf(label!)] = input
      ? (/value="([^"]*)"/.exec(input[1]!)?.[1] ?? '')
      : (/<option value="([^"]*)" selected="">/.exec(select![1]!)?.[1] ?? '');
  }
  return found;
}
const checkboxes = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="checkbox"([^>]*)\/><span>(.*?)<\/span>/g)].map((m) => [
      textOf(m[2]!),
      /checked=""/.test(m[1]!),
    ]),
  );
const headings = (html: string) =>
  [...html.matchAll(/<h[23][^>]*>(.*?)<\/h[23]>/g)].map((m) => textOf(m[1]!));

describe('settings view', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2025, 2, 5, 9, 7, 3));
  });
  afterEach(() => vi.useRealTimers());

  it('has a section for the person, terminal, logs, connections, language and start', async () => {
    expect(headings(await show())).toEqual([
      'Einstellungen',
      'Ihre Angaben',
      'Terminal',
      'Sitzungsprotokolle',
      'Verbindungen',
      'Sprache',
      'Programmstart',
    ]);
    expect(headings(await show('en'))).toEqual([
      'Settings',
      'About you',
      'Terminal',
      'Session logs',
      'Connections',
      'Language',
      'Start',
    ]);
    // Each section is a region named by its heading, with its own save button.
    const html = await show();
    const regions = [...html.matchAll(/<section [^>]*aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
    expect(regions).toHaveLength(6);
    for (const id of regions) expect(html).toContain(`<h3 id="${id}">`);
    expect(html.match(/<button type="submit"[^>]*>Speichern<\/button>/g)).toHaveLength(5);
  });

  it('shows the stored values in named fields', async () => {
    const html = await show();
    expect(fields(html)).toEqual({
      Firmenkürzel: 'iserv',
      'vorname.nachname': 'max.mustermann',
      'E-Mail-Adresse': 'max@firma.de',
      'Mobilnummer für DUO': '',
      Schriftart: settings.terminal.fontFamily.replace(/"/g, '&quot;'),
      'Schriftgröße in Pixel': '17',
      'Zeilen im Verlauf': '10000',
      Farben: 'light',
      Cursor: 'block',
      'Glocke (Steuerzeichen BEL)': 'visual',
      Protokollieren: 'printable',
      Ordner: '',
      Dateiname: '&amp;N-&amp;Y&amp;M&amp;D-&amp;T-&amp;H-&amp;P.log',
      'Höchstgröße einer Datei in MB': '100',
      'Wartezeit auf Bestätigung in Sekunden': '120',
      'Keepalive in Sekunden': '240',
      'Verbindungen halten in Minuten': '480',
      'Sprache der Oberfläche': 'de',
    });
    expect(checkboxes(html)).toEqual({
      'Cursor blinkt': true,
      'Markieren kopiert (wie PuTTY)': false,
      'Rechtsklick fügt ein (wie PuTTY)': true,
      'Vor dem Einfügen mehrerer Zeilen fragen': true,
      'Modus für Bildschirmleser': false,
      'Jede Zeile mit Uhrzeit beginnen': false,
      'Mit der Anmeldung am Computer starten': true,
      'Ohne Fenster starten, nur im Infobereich': true,
    });
    expect(textOf(html)).toContain(
      'Profile ohne eigenen Benutzernamen melden sich als iserv-max.mustermann an.',
    );
  });

  it('shows the file name a session would get, and where logs go by default', async () => {
    const text = textOf(await show());
    expect(text).toContain('Beispiel: Meine Schule-20250305-090703-meine-schule.de-22.log');
    expect(text).toContain('(Meine Schule-20250305-090703-meine-schule.de-22-2.log)');
    expect(text).toContain('Leer lassen für /home/max/.config/Fernwartung/logs/sessions');
    expect(textOf(await show('en', 'win32'))).toContain(
      'Leave empty for /home/max/.config/Fernwartung\\logs\\sessions',
    );
    expect(textOf(await show('en'))).toContain('Example: My school-20250305-090703-meine-schule.de-22.log');
  });

  it('says that only output is logged, and whether this shell can start with the computer', async () => {
    const text = textOf(await show());
    expect(text).toContain('nie Ihre Eingaben');
    expect(text).toContain('im Browser hat es keine Wirkung');
    const desktop = textOf(await show('de', 'win32', 'electron'));
    expect(desktop).toContain('Wirkt beim Speichern');
    expect(desktop).not.toContain('im Browser hat es keine Wirkung');
  });

  it('leaves no German text of its own in English', async () => {
    const english = textOf(await show('en'));
    const leaves = (tree: unknown): string[] =>
      typeof tree === 'string' ? [tree] : Object.values(tree as object).flatMap(leaves);
    const german = leaves(settingsTexts.de).filter((text) => !leaves(settingsTexts.en).includes(text));
    for (const text of german) {
      const fixed = text.split(/\{\{\w+\}\}/)[0]!.trim();
      if (fixed.length > 3) expect(english, text).not.toContain(fixed);
    }
    expect(english).not.toMatch(/[äöüß]/);
  });
});

describe('settings input rules', () => {
  it('takes whole numbers within the schema limits only', () => {
    const { fontSize } = terminalSettingsSchema.shape;
    expect(limitsOf(fontSize)).toEqual({ min: 6, max: 48 });
    expect(wholeNumber(' 20 ', fontSize)).toBe(20);
    for (const bad of ['', '5', '49', '12.5', '1e1', '-12', 'zwölf'])
      expect(wholeNumber(bad, fontSize)).toBeUndefined();
  });

  it('takes an empty log folder, ~/…, and absolute paths of every platform', () => {
    for (const ok of [
      '',
      '  ',
      '~/logs',
      '~\\logs',
      '/var/log/fw',
      'C:\\Logs',
      'd:/logs',
      '\\\\server\\share',
    ])
      expect(isUsableLogFolder(ok), ok).toBe(true);
    for (const bad of ['logs', './logs', '~', '~logs', 'C:logs'])
      expect(isUsableLogFolder(bad), bad).toBe(false);
    expect(defaultLogFolder('C:\\Users\\max\\AppData\\Roaming\\Fernwartung\\', 'win32')).toBe(
      'C:\\Users\\max\\AppData\\Roaming\\Fernwartung\\logs\\sessions',
    );
  });
});
