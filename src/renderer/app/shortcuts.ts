// The app's tab shortcuts, chosen so that none takes a key a shell or an
// editor needs: on Windows and Linux each has Ctrl+Shift, Ctrl with the
// paging keys or Alt with a digit (as GNOME Terminal and Windows Terminal);
// Ctrl+W (bash deletes a word), Ctrl+T (transposes) and every other Ctrl+key
// reach the server. Alt+digit is readline's numeric argument: Esc then the
// digit still gives it. On macOS the Command key, which a terminal never sends,
// with the platform's own keys (Cmd+T, Cmd+W, Cmd+Shift+[ ], Cmd+1…9).
// Alt+9 / Cmd+9 is the last tab, as in browsers.
export type TabShortcut =
  | { action: 'new' }
  | { action: 'close' }
  | { action: 'next' }
  | { action: 'previous' }
  | { action: 'moveLeft' }
  | { action: 'moveRight' }
  /** 0-based; -1 is the last tab. */
  | { action: 'goTo'; index: number }
  /** The app's key, held down: it does nothing more, and never reaches the terminal. */
  | { action: 'ignore' };

/** The parts of a KeyboardEvent that matter here. */
export interface ShortcutKeyFacts {
  type: string;
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The physical key (`KeyT`, `Digit1`, `BracketLeft`): what counts where the layout gives no letter or digit. */
  code: string;
  repeat?: boolean;
}

export const isMac = (platform: string) => platform === 'darwin';

/** The letter a key gives; on a layout without Latin letters (e.g. Cyrillic), the key's place on a US keyboard. */
function letter(event: ShortcutKeyFacts): string | undefined {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  return /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase();
}

/** 1–9 by the key's place, so layouts that need Shift for digits (AZERTY) still count. */
function digit(event: ShortcutKeyFacts): number | undefined {
  const match = /^Digit([1-9])$/.exec(event.code) ?? /^([1-9])$/.exec(event.key);
  return match ? Number(match[1]) : undefined;
}

const goTo = (n: number): TabShortcut => ({ action: 'goTo', index: n === 9 ? -1 : n - 1 });

/** Exactly these modifiers held, no others (Ctrl+Alt is AltGr on Windows, which types characters). */
function only(
  event: ShortcutKeyFacts,
  held: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean },
) {
  return (
    event.ctrlKey === !!held.ctrl &&
    event.shiftKey === !!held.shift &&
    event.altKey === !!held.alt &&
    event.metaKey === !!held.meta
  );
}

function pcShortcut(event: ShortcutKeyFacts): TabShortcut | null {
  if (only(event, { ctrl: true, shift: true })) {
    if (letter(event) === 't') return { action: 'new' };
    if (letter(event) === 'w') return { action: 'close' };
    if (event.key === 'PageUp') return { action: 'moveLeft' };
    if (event.key === 'PageDown') return { action: 'moveRight' };
  }
  if (only(event, { ctrl: true })) {
    if (event.key === 'PageUp') return { action: 'previous' };
    if (event.key === 'PageDown') return { action: 'next' };
  }
  const n = digit(event);
  if (only(event, { alt: true }) && n) return goTo(n);
  return null;
}

function macShortcut(event: ShortcutKeyFacts): TabShortcut | null {
  if (only(event, { meta: true })) {
    if (letter(event) === 't') return { action: 'new' };
    if (letter(event) === 'w') return { action: 'close' };
    const n = digit(event);
    if (n) return goTo(n);
  }
  if (only(event, { meta: true, shift: true })) {
    if (event.code === 'BracketLeft' || event.key === '{' || event.key === '[') return { action: 'previous' };
    if (event.code === 'BracketRight' || event.key === '}' || event.key === ']') return { action: 'next' };
    if (event.key === 'PageUp') return { action: 'moveLeft' };
    if (event.key === 'PageDown') return { action: 'moveRight' };
  }
  return null;
}

/** The tab action a key press asks for on `platform` (Node's names: darwin, win32, linux), or null: the key is the terminal's. */
export function shortcutFor(event: ShortcutKeyFacts, platform: string): TabShortcut | null {
  if (event.type !== 'keydown') return null;
  const shortcut = isMac(platform) ? macShortcut(event) : pcShortcut(event);
  // A held key opens or closes one tab, not a row of them.
  if (event.repeat && (shortcut?.action === 'new' || shortcut?.action === 'close'))
    return { action: 'ignore' };
  return shortcut;
}
