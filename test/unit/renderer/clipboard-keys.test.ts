import { describe, expect, it } from 'vitest';
import { clipboardAction, keyPlatform } from '../../../src/renderer/views/terminal/clipboard-keys';

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
    for (const platform of ['mac', 'other'] as const) {
      expect(clipboardAction(key('Insert', { shift: true }), platform)).toBe('paste');
      expect(clipboardAction(key('V', { ctrl: true, shift: true }), platform)).toBe('paste');
      expect(clipboardAction(key('Insert', { ctrl: true }), platform)).toBe('copy');
      expect(clipboardAction(key('C', { ctrl: true, shift: true }), platform)).toBe('copy');
    }
  });

  it('searches with Ctrl+Shift+F; Ctrl+F stays with the shell (forward a character)', () => {
    expect(clipboardAction(key('F', { ctrl: true, shift: true }))).toBe('search');
    expect(clipboardAction(key('f', { ctrl: true }))).toBeNull();
  });

  it('on macOS: ⌘C copies, ⌘V pastes, ⌘F searches', () => {
    expect(clipboardAction(key('c', { meta: true }), 'mac')).toBe('copy');
    expect(clipboardAction(key('v', { meta: true }), 'mac')).toBe('paste');
    expect(clipboardAction(key('f', { meta: true }), 'mac')).toBe('search');
    expect(clipboardAction(key('q', { meta: true }), 'mac')).toBeNull();
    expect(clipboardAction(key('v', { meta: true, shift: true }), 'mac')).toBeNull();
  });

  it('on Windows and Linux the Windows/Super key is not a clipboard key', () => {
    expect(clipboardAction(key('v', { meta: true }), 'other')).toBeNull();
    expect(clipboardAction(key('c', { meta: true }), 'other')).toBeNull();
  });

  it('leaves Ctrl+C, Ctrl+V, plain keys and key-ups to the server', () => {
    for (const platform of ['mac', 'other'] as const) {
      expect(clipboardAction(key('c', { ctrl: true }), platform)).toBeNull();
      expect(clipboardAction(key('v', { ctrl: true }), platform)).toBeNull();
      expect(clipboardAction(key('Insert'), platform)).toBeNull();
      expect(clipboardAction(key('Insert', { shift: true }, 'keyup'), platform)).toBeNull();
      expect(clipboardAction(key('v', { ctrl: true, shift: true, alt: true }), platform)).toBeNull();
      expect(clipboardAction(key('c', { meta: true }, 'keyup'), platform)).toBeNull();
    }
  });

  it('takes the platform from what the backend reports', () => {
    expect(keyPlatform('darwin')).toBe('mac');
    expect(keyPlatform('win32')).toBe('other');
    expect(keyPlatform('linux')).toBe('other');
  });
});
