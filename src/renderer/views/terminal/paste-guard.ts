// A paste of several lines runs each line as a command the moment it arrives
// (a shell without bracketed paste, or a program reading lines), so before
// such a paste the terminal shows its first lines and asks. A single line,
// even one ending in a line break, is what the person selected: no question.

/** The lines of a pasted text; a final line break does not begin another line. */
export function pastedLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function pasteNeedsWarning(text: string, warnMultiLine: boolean): boolean {
  return warnMultiLine && pastedLines(text).length > 1;
}

export interface PastePreview {
  /** The first lines, control characters made visible, long lines cut. */
  lines: string[];
  /** How many lines the text has in all. */
  total: number;
}

export const PREVIEW_LINES = 5;
export const PREVIEW_CHARS = 200;

/**
 * Control characters (an escape sequence in the clipboard could end bracketed
 * paste or move the cursor) are shown as their Unicode pictures (␛, ␀ …).
 */
export function visibleControls(line: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  return line.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) =>
    c === '\x7f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0)),
  );
}

export function pastePreview(text: string, maxLines = PREVIEW_LINES, maxChars = PREVIEW_CHARS): PastePreview {
  const lines = pastedLines(text);
  return {
    lines: lines
      .slice(0, maxLines)
      .map((line) => visibleControls(line.length > maxChars ? `${line.slice(0, maxChars)}…` : line)),
    total: lines.length,
  };
}
