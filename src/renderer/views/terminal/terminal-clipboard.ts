// PuTTY's clipboard habits on a terminal, each while its setting is on:
// selecting copies, the right button pastes. Every paste (the keys, the right
// button, the browser's own paste event, e.g. Electron's Edit menu) goes
// through `paste`, which may ask first (paste-guard.ts).
import type { Terminal } from '@xterm/xterm';
import type { TerminalSettings } from '../../../shared/model/settings';

export function copySelection(term: Terminal): void {
  const text = term.getSelection();
  if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
}

/** Reads the clipboard and hands its text on; nothing when it is empty or reading is refused. */
export function pasteClipboard(paste: (text: string) => void): void {
  void navigator.clipboard?.readText().then(
    (text) => text && paste(text),
    () => undefined,
  );
}

export function attachClipboardHabits(
  term: Terminal,
  element: HTMLElement,
  settings: () => TerminalSettings,
  paste: (text: string) => void,
): () => void {
  const selection = term.onSelectionChange(() => {
    if (settings().copyOnSelect) copySelection(term);
  });
  const onContextMenu = (event: MouseEvent) => {
    // Without the habit the browser's (or Electron's) own menu stays.
    if (!settings().pasteOnRightClick) return;
    event.preventDefault();
    pasteClipboard(paste);
  };
  // Before xterm.js's own listener on its textarea (capture), which would paste unasked.
  const onPaste = (event: ClipboardEvent) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    const text = event.clipboardData?.getData('text/plain');
    if (text) paste(text);
  };
  element.addEventListener('contextmenu', onContextMenu);
  element.addEventListener('paste', onPaste, true);
  return () => {
    selection.dispose();
    element.removeEventListener('contextmenu', onContextMenu);
    element.removeEventListener('paste', onPaste, true);
  };
}
