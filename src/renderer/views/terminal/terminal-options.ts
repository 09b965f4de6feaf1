// The xterm.js options that follow the person's terminal settings. All of
// them can be set on a running terminal, so a change in the settings view
// reaches open tabs without a new terminal (and without losing the scrollback).
import type { ITerminalOptions, ITheme } from '@xterm/xterm';
import type { TerminalSettings } from '../../../shared/model/settings';

export function terminalOptions(settings: TerminalSettings, theme: ITheme) {
  return {
    fontFamily: settings.fontFamily,
    fontSize: settings.fontSize,
    scrollback: settings.scrollback,
    cursorStyle: settings.cursorStyle,
    cursorBlink: settings.cursorBlink,
    screenReaderMode: settings.screenReaderMode,
    theme,
  } satisfies ITerminalOptions;
}

export type LiveOptions = ReturnType<typeof terminalOptions>;

/** Whether the cell size may change, so the terminal must be fit to its pane again. */
export function changesCellSize(before: LiveOptions, after: LiveOptions): boolean {
  return before.fontFamily !== after.fontFamily || before.fontSize !== after.fontSize;
}

/** Whether anything would change (themes are the module's own objects, so compared by identity). */
export function sameOptions(a: LiveOptions, b: LiveOptions): boolean {
  return (Object.keys(a) as Array<keyof LiveOptions>).every((key) => a[key] === b[key]);
}
