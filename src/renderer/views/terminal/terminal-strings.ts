// xterm.js's own texts (the name of a terminal's input for screen readers,
// and what screen reader mode says when output is too much to read aloud) in
// the language of the moment. xterm.js keeps them for every terminal and
// names an input once, when its terminal opens: open terminals are renamed
// when the language changes.
import { Terminal } from '@xterm/xterm';
import type { i18n as I18n } from 'i18next';

function apply(i18n: I18n): void {
  Terminal.strings.promptLabel = i18n.t('terminal.input');
  Terminal.strings.tooMuchOutput = i18n.t('terminal.tooMuchOutput');
  for (const input of document.querySelectorAll('.xterm-helper-textarea'))
    input.setAttribute('aria-label', Terminal.strings.promptLabel);
}

/** From now on, xterm.js speaks the app's language; returns the way to stop. */
export function followLanguageInTerminals(i18n: I18n): () => void {
  const listener = () => apply(i18n);
  apply(i18n);
  i18n.on('languageChanged', listener);
  return () => i18n.off('languageChanged', listener);
}
