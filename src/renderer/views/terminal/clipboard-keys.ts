// The keys a terminal keeps for itself instead of sending them to the server:
// PuTTY's and Linux terminals' clipboard keys (Shift+Insert and Ctrl+Shift+V
// paste, Ctrl+Insert and Ctrl+Shift+C copy), Ctrl+Shift+F to search the
// scrollback, and on macOS the platform's own ⌘C, ⌘V and ⌘F. Everything else,
// Ctrl+C, Ctrl+V and Ctrl+F included, goes to the server: shells and editors
// need them.
export type ClipboardAction = 'copy' | 'paste' | 'search' | null;

/** macOS uses ⌘ for the clipboard; the others keep Ctrl for the shell and add Shift. */
export type KeyPlatform = 'mac' | 'other';

/** The parts of a KeyboardEvent that matter here. */
export interface KeyFacts {
  type: string;
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** `process.platform` as the backend reports it (AppInfo.platform). */
export function keyPlatform(platform: string): KeyPlatform {
  return platform === 'darwin' ? 'mac' : 'other';
}

export function clipboardAction(event: KeyFacts, platform: KeyPlatform = 'other'): ClipboardAction {
  if (event.type !== 'keydown' || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (event.metaKey) {
    // ⌘ alone (not with Ctrl or Shift): the Mac's own clipboard and find keys.
    if (platform !== 'mac' || event.ctrlKey || event.shiftKey) return null;
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    if (key === 'f') return 'search';
    return null;
  }
  if (event.shiftKey && !event.ctrlKey && key === 'insert') return 'paste';
  if (event.ctrlKey && !event.shiftKey && key === 'insert') return 'copy';
  if (event.ctrlKey && event.shiftKey && key === 'v') return 'paste';
  if (event.ctrlKey && event.shiftKey && key === 'c') return 'copy';
  if (event.ctrlKey && event.shiftKey && key === 'f') return 'search';
  return null;
}
