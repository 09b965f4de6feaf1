import { describe, expect, it } from 'vitest';
import { secondStartShowsWindow, startsHidden } from '../../../../src/main/electron/lifecycle/launch-options';
import { keyFileArguments } from '../../../../src/main/electron/command-line';

describe('launch options', () => {
  it('starts hidden only with --hidden, which is no key file', () => {
    const argv = ['/opt/Fernwartung/fernwartung', '--hidden', 'C:\\keys\\me.ppk'];
    expect(startsHidden(argv)).toBe(true);
    expect(startsHidden(['/opt/Fernwartung/fernwartung', 'hidden.ppk'])).toBe(false);
    expect(keyFileArguments(argv, 1, '/home/me')).not.toContain('--hidden');
  });

  it('a second start shows the window unless it only hands over key files or is a hidden (login) start', () => {
    const exe = '/opt/Fernwartung/fernwartung';
    expect(secondStartShowsWindow([exe], [])).toBe(true);
    expect(secondStartShowsWindow([exe, 'key.ppk'], ['/home/me/key.ppk'])).toBe(false);
    expect(secondStartShowsWindow([exe, '--hidden'], [])).toBe(false);
  });
});
