import { describe, expect, it } from 'vitest';
import type { ITheme } from '@xterm/xterm';
import { defaultTerminalSettings } from '../../../src/shared/model/settings';
import {
  searchDecorations,
  terminalTheme,
  themeKind,
} from '../../../src/renderer/views/terminal/terminal-theme';
import {
  changesCellSize,
  sameOptions,
  terminalOptions,
} from '../../../src/renderer/views/terminal/terminal-options';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

const textColours: Array<keyof ITheme> = [
  'foreground',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'brightBlack',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
];

describe('terminal theme', () => {
  it('follows the system only when set to system', () => {
    expect(themeKind('system', true)).toBe('dark');
    expect(themeKind('system', false)).toBe('light');
    expect(themeKind('dark', false)).toBe('dark');
    expect(themeKind('light', true)).toBe('light');
  });

  it('has a light and a dark background', () => {
    expect(contrast(terminalTheme('dark').background!, '#000000')).toBeLessThan(1.5);
    expect(contrast(terminalTheme('light').background!, '#ffffff')).toBeLessThan(1.5);
  });

  it.each(['dark', 'light'] as const)('prints every text colour readably on the %s background', (kind) => {
    const theme = terminalTheme(kind);
    const weak = textColours
      .map((name) => [name, contrast(theme[name] as string, theme.background!)] as const)
      .filter(([, ratio]) => ratio < 4.5);
    expect(weak).toEqual([]);
    // The cursor stands out; selected text stays readable.
    expect(contrast(theme.cursor!, theme.background!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(theme.foreground!, theme.selectionBackground!)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives search matches colours the addon takes (#RRGGBB)', () => {
    for (const kind of ['dark', 'light'] as const)
      for (const colour of Object.values(searchDecorations(kind))) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('terminal options from the settings', () => {
  it('takes font, size, scrollback, cursor, screen reader mode and theme from the settings', () => {
    const settings = {
      ...defaultTerminalSettings,
      fontFamily: 'Hack',
      fontSize: 17,
      scrollback: 50_000,
      cursorStyle: 'bar' as const,
      cursorBlink: false,
      screenReaderMode: true,
    };
    expect(terminalOptions(settings, terminalTheme('light'))).toEqual({
      fontFamily: 'Hack',
      fontSize: 17,
      scrollback: 50_000,
      cursorStyle: 'bar',
      cursorBlink: false,
      screenReaderMode: true,
      theme: terminalTheme('light'),
    });
  });

  it('knows when nothing changed and when the terminal must be fit again', () => {
    const before = terminalOptions(defaultTerminalSettings, terminalTheme('dark'));
    expect(sameOptions(before, terminalOptions(defaultTerminalSettings, terminalTheme('dark')))).toBe(true);
    const light = terminalOptions(defaultTerminalSettings, terminalTheme('light'));
    expect(sameOptions(before, light)).toBe(false);
    expect(changesCellSize(before, light)).toBe(false);
    const bigger = terminalOptions({ ...defaultTerminalSettings, fontSize: 20 }, terminalTheme('dark'));
    expect(changesCellSize(before, bigger)).toBe(true);
  });
});
