// The terminal's colours: a dark and a light theme, the light one chosen when
// the setting says so or when it follows a system in light mode. Every colour
// a program prints text in reads on its background (WCAG AA, 4.5:1), except
// the ones that match the background's side (black on dark; white and bright
// white on light), as in every terminal's palette.
import type { ITheme } from '@xterm/xterm';
import type { ISearchDecorationOptions } from '@xterm/addon-search';
import type { TerminalSettings } from '../../../shared/model/settings';

export type ThemeKind = 'dark' | 'light';

export function themeKind(setting: TerminalSettings['theme'], systemPrefersDark: boolean): ThemeKind {
  if (setting === 'system') return systemPrefersDark ? 'dark' : 'light';
  return setting;
}

const dark: ITheme = {
  background: '#1e1e1e',
  foreground: '#d4d4d4',
  cursor: '#d4d4d4',
  cursorAccent: '#1e1e1e',
  selectionBackground: '#264f78',
  selectionInactiveBackground: '#3a3d41',
  black: '#000000',
  red: '#f14c4c',
  green: '#23d18b',
  yellow: '#e5e510',
  blue: '#6a9fff',
  magenta: '#d670d6',
  cyan: '#29b8db',
  white: '#e5e5e5',
  brightBlack: '#8a8a8a',
  brightRed: '#ff6b6b',
  brightGreen: '#5af0a8',
  brightYellow: '#f5f543',
  brightBlue: '#8cb4ff',
  brightMagenta: '#e68ae6',
  brightCyan: '#5fd7f5',
  brightWhite: '#ffffff',
};

const light: ITheme = {
  background: '#ffffff',
  foreground: '#1f1f1f',
  cursor: '#1f1f1f',
  cursorAccent: '#ffffff',
  selectionBackground: '#add6ff',
  selectionInactiveBackground: '#e5ebf1',
  black: '#000000',
  red: '#c72e2e',
  green: '#0f7b0f',
  yellow: '#7d6a00',
  blue: '#0451a5',
  magenta: '#a817a8',
  cyan: '#0a6f8a',
  white: '#a5a5a5',
  brightBlack: '#5f5f5f',
  brightRed: '#b01e1e',
  brightGreen: '#0b6a0b',
  brightYellow: '#6b5a00',
  brightBlue: '#0b3f8c',
  brightMagenta: '#8f148f',
  brightCyan: '#075c73',
  brightWhite: '#d0d0d0',
};

export function terminalTheme(kind: ThemeKind): ITheme {
  return kind === 'dark' ? dark : light;
}

/** How search matches stand out; the addon takes #RRGGBB only. */
export function searchDecorations(kind: ThemeKind): ISearchDecorationOptions {
  return kind === 'dark'
    ? {
        matchBackground: '#623315',
        matchOverviewRuler: '#d18616',
        activeMatchBackground: '#a0522d',
        activeMatchBorder: '#ffcc66',
        activeMatchColorOverviewRuler: '#ffcc66',
      }
    : {
        matchBackground: '#fbe3a2',
        matchOverviewRuler: '#c08000',
        activeMatchBackground: '#f5b942',
        activeMatchBorder: '#8a5a00',
        activeMatchColorOverviewRuler: '#8a5a00',
      };
}
