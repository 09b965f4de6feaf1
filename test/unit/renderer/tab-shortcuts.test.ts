// The tab shortcuts per platform, and the keys they must leave to the shell:
// Ctrl+W, Ctrl+T, Ctrl+Shift+C/V/F (the terminal's clipboard and search),
// AltGr combinations, and everything without the app's modifiers.
import { describe, expect, it } from 'vitest';
import { shortcutFor, type ShortcutKeyFacts } from '../../../src/renderer/app/shortcuts';

/** A keydown like the browser's: `mods` as 'ctrl+shift', `code` derived from a letter or digit. */
function key(mods: string, key: string, extra: Partial<ShortcutKeyFacts> = {}): ShortcutKeyFacts {
  const held = mods.split('+');
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^[0-9]$/.test(key) ? `Digit${key}` : key;
  return {
    type: 'keydown',
    key,
    code,
    ctrlKey: held.includes('ctrl'),
    shiftKey: held.includes('shift'),
    altKey: held.includes('alt'),
    metaKey: held.includes('meta'),
    ...extra,
  };
}

describe('Windows and Linux', () => {
  for (const platform of ['win32', 'linux']) {
    const on = (event: ShortcutKeyFacts) => shortcutFor(event, platform);

    it(`${platform}: Ctrl+Shift+T new, Ctrl+Shift+W close, Ctrl+PgUp/PgDn previous/next`, () => {
      // With Shift the browser reports the capital letter.
      expect(on(key('ctrl+shift', 'T'))).toEqual({ action: 'new' });
      expect(on(key('ctrl+shift', 'W'))).toEqual({ action: 'close' });
      expect(on(key('ctrl', 'PageUp'))).toEqual({ action: 'previous' });
      expect(on(key('ctrl', 'PageDown'))).toEqual({ action: 'next' });
    });

    it(`${platform}: Ctrl+Shift+PgUp/PgDn move the tab`, () => {
      expect(on(key('ctrl+shift', 'PageUp'))).toEqual({ action: 'moveLeft' });
      expect(on(key('ctrl+shift', 'PageDown'))).toEqual({ action: 'moveRight' });
    });

    it(`${platform}: Alt+1…8 go to that tab, Alt+9 to the last`, () => {
      expect(on(key('alt', '1'))).toEqual({ action: 'goTo', index: 0 });
      expect(on(key('alt', '8'))).toEqual({ action: 'goTo', index: 7 });
      expect(on(key('alt', '9'))).toEqual({ action: 'goTo', index: -1 });
      expect(on(key('alt', '0'))).toBeNull();
    });

    it(`${platform}: leaves the shell's keys alone: Ctrl+W, Ctrl+T, Ctrl+C, PgUp, Alt+letters`, () => {
      for (const event of [
        key('ctrl', 'w'),
        key('ctrl', 't'),
        key('ctrl', 'c'),
        key('ctrl', 'd'),
        key('', 'PageUp'),
        key('shift', 'PageDown'),
        key('alt', 'b'),
        key('alt', 'PageUp'),
        key('ctrl', '1'),
        key('meta', 't'),
      ])
        expect(on(event), JSON.stringify(event)).toBeNull();
    });

    it(`${platform}: leaves the terminal's own keys alone (Ctrl+Shift+C, V, F)`, () => {
      for (const letter of ['C', 'V', 'F']) expect(on(key('ctrl+shift', letter))).toBeNull();
    });

    it(`${platform}: AltGr (Ctrl+Alt on Windows) typing a character is no shortcut`, () => {
      // German layout: AltGr+7 is {, AltGr+8 is [.
      expect(on(key('ctrl+alt', '7', { key: '{' }))).toBeNull();
      expect(on(key('ctrl+alt+shift', 'T'))).toBeNull();
    });
  }

  it('finds the digit by its key place where the layout needs Shift for digits (AZERTY: & on Digit1)', () => {
    expect(shortcutFor(key('alt', '&', { code: 'Digit1' }), 'linux')).toEqual({ action: 'goTo', index: 0 });
  });

  it('finds T and W on a layout without Latin letters by their place', () => {
    expect(shortcutFor(key('ctrl+shift', 'Е', { code: 'KeyT' }), 'linux')).toEqual({ action: 'new' });
    // …but a Latin layout's letter wins over the place (Dvorak's T is not on KeyT).
    expect(shortcutFor(key('ctrl+shift', 'Y', { code: 'KeyT' }), 'linux')).toBeNull();
  });
});

describe('macOS', () => {
  const on = (event: ShortcutKeyFacts) => shortcutFor(event, 'darwin');

  it("uses the platform's own keys: Cmd+T, Cmd+W, Cmd+Shift+[ ], Cmd+1…9", () => {
    expect(on(key('meta', 't'))).toEqual({ action: 'new' });
    expect(on(key('meta', 'w'))).toEqual({ action: 'close' });
    expect(on(key('meta+shift', '{', { code: 'BracketLeft' }))).toEqual({ action: 'previous' });
    expect(on(key('meta+shift', '}', { code: 'BracketRight' }))).toEqual({ action: 'next' });
    expect(on(key('meta', '3'))).toEqual({ action: 'goTo', index: 2 });
    expect(on(key('meta', '9'))).toEqual({ action: 'goTo', index: -1 });
    expect(on(key('meta+shift', 'PageUp'))).toEqual({ action: 'moveLeft' });
    expect(on(key('meta+shift', 'PageDown'))).toEqual({ action: 'moveRight' });
  });

  it('leaves every Ctrl key to the shell, the PC shortcuts too', () => {
    for (const event of [
      key('ctrl', 'w'),
      key('ctrl', 't'),
      key('ctrl+shift', 'T'),
      key('ctrl+shift', 'W'),
      key('ctrl', 'PageDown'),
      key('alt', '1'),
    ])
      expect(on(event), JSON.stringify(event)).toBeNull();
  });

  it("leaves Cmd+C, Cmd+V and Cmd+F to the terminal's clipboard and search", () => {
    for (const letter of ['c', 'v', 'f']) expect(on(key('meta', letter))).toBeNull();
  });
});

describe('any platform', () => {
  it('acts on keydown only', () => {
    expect(shortcutFor(key('ctrl+shift', 'T', { type: 'keyup' }), 'linux')).toBeNull();
    expect(shortcutFor(key('ctrl+shift', 'T', { type: 'keypress' }), 'linux')).toBeNull();
  });

  it('opens or closes one tab for a held key, but keeps the repeats from the terminal', () => {
    expect(shortcutFor(key('ctrl+shift', 'W', { repeat: true }), 'linux')).toEqual({ action: 'ignore' });
    expect(shortcutFor(key('meta', 't', { repeat: true }), 'darwin')).toEqual({ action: 'ignore' });
    // Paging through the tabs by holding the key is fine.
    expect(shortcutFor(key('ctrl', 'PageDown', { repeat: true }), 'linux')).toEqual({ action: 'next' });
  });
});
