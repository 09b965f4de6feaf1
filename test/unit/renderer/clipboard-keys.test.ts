import { describe, expect, it } from 'vitest';
import { clipboardAction } from '../../../src/renderer/views/terminal/clipboard-keys';

const key = (
  k: string,
  mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {},
  type = 'keydown',
) => ({
  type,
  key: k,
  ctrlKey: !!mods.ctrl,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
  metaKey: !!mods.meta,
});

describe('terminal clipboard keys', () => {
  it('pastes with Shift+Insert and Ctrl+Shift+V, copies with Ctrl+Insert and Ctrl+Shift+C', () => {
    expect(clipboardAction(key('Insert', { shift: true }))).toBe('paste');
    expect(clipboardAction(key('V', { ctrl: true, shift: true }))).toBe('paste');
    expect(clipboardAction(key('Insert', { ctrl: true }))).toBe('copy');
    expect(clipboardAction(key('C', { ctrl: true, shift: true }))).toBe('copy');
  });

  it('leaves Ctrl+C, Ctrl+V, plain keys and key-ups to the server', () => {
    expect(clipboardAction(key('c', { ctrl: true }))).toBeNull();
    expect(clipboardAction(key('v', { ctrl: true }))).toBeNull();
    expect(clipboardAction(key('Insert'))).toBeNull();
    expect(clipboardAction(key('Insert', { shift: true }, 'keyup'))).toBeNull();
    expect(clipboardAction(key('v', { ctrl: true, shift: true, alt: true }))).toBeNull();
  });
});
