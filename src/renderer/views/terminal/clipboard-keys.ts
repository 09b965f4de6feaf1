// PuTTY's and Linux terminals' clipboard keys: Shift+Insert and
// Ctrl+Shift+V paste, Ctrl+Shift+C (and Ctrl+Insert) copy. Everything else,
// Ctrl+C included, goes to the server.
export type ClipboardAction = 'copy' | 'paste' | null;

/** The parts of a KeyboardEvent that matter here. */
export interface KeyFacts {
  type: string;
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export function clipboardAction(event: KeyFacts): ClipboardAction {
  if (event.type !== 'keydown' || event.altKey || event.metaKey) return null;
  const key = event.key.toLowerCase();
  if (event.shiftKey && !event.ctrlKey && key === 'insert') return 'paste';
  if (event.ctrlKey && !event.shiftKey && key === 'insert') return 'copy';
  if (event.ctrlKey && event.shiftKey && key === 'v') return 'paste';
  if (event.ctrlKey && event.shiftKey && key === 'c') return 'copy';
  return null;
}
