import { describe, expect, it } from 'vitest';
import {
  pastedLines,
  pasteNeedsWarning,
  pastePreview,
  PREVIEW_CHARS,
  visibleControls,
} from '../../../src/renderer/views/terminal/paste-guard';

describe('multi-line paste guard', () => {
  it('lets a single line through, also with its final line break (LF, CRLF or CR)', () => {
    for (const text of ['ls -l', 'ls -l\n', 'ls -l\r\n', 'ls -l\r'])
      expect(pasteNeedsWarning(text, true), JSON.stringify(text)).toBe(false);
  });

  it('asks before several lines, whatever their line breaks', () => {
    for (const text of ['a\nb', 'a\r\nb', 'a\rb', 'a\r\nb\r\n', 'a\n\n', '\nrm -rf /'])
      expect(pasteNeedsWarning(text, true), JSON.stringify(text)).toBe(true);
  });

  it('never asks when the setting is off', () => {
    expect(pasteNeedsWarning('a\nb\nc', false)).toBe(false);
  });

  it('counts CRLF as one line break, not two', () => {
    expect(pastedLines('eins\r\nzwei\r\ndrei\r\n')).toEqual(['eins', 'zwei', 'drei']);
    expect(pastedLines('eins\r\n\r\nzwei')).toEqual(['eins', '', 'zwei']);
  });

  it('previews the first lines, says how many there are, and cuts long ones', () => {
    const text = Array.from({ length: 12 }, (_, i) => `echo ${i + 1}`).join('\r\n');
    expect(pastePreview(text)).toEqual({
      lines: ['echo 1', 'echo 2', 'echo 3', 'echo 4', 'echo 5'],
      total: 12,
    });
    const long = `${'x'.repeat(PREVIEW_CHARS + 50)}\nb`;
    expect(pastePreview(long).lines[0]).toBe(`${'x'.repeat(PREVIEW_CHARS)}…`);
  });

  it('shows control characters in the preview instead of sending the dialog an escape sequence', () => {
    expect(visibleControls('a\x1b[201~b\x00\x7f\tc')).toBe('a\u241b[201~b\u2400\u2421\tc');
    expect(pastePreview('echo \x1b[31mrot\nzwei').lines[0]).toBe('echo \u241b[31mrot');
  });
});
