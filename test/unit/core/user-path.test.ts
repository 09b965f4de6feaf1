import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/app-error';
import { expandHome, requireUserPath, resolveCommandLinePath } from '../../../src/main/core/user-path';

const HOME = '/home/max';

describe('one rule for user paths', () => {
  it('expands ~ and ~/ (and ~\\) to the home folder', () => {
    expect(expandHome('~', HOME)).toBe(HOME);
    expect(expandHome(' ~/.ssh/id_ed25519 ', HOME)).toBe('/home/max/.ssh/id_ed25519');
    expect(expandHome('~other/x', HOME)).toBe('~other/x');
  });

  it('refuses a relative path typed into the UI with a readable error naming it', () => {
    expect(requireUserPath('~/.ssh/id_ed25519', HOME)).toBe('/home/max/.ssh/id_ed25519');
    expect(requireUserPath('/etc/../srv/k', HOME)).toBe('/srv/k');
    for (const relative of ['id_ed25519', './k', '../k', '~', '~other/k']) {
      let thrown: unknown;
      try {
        requireUserPath(relative, HOME);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).toInfo()).toEqual({ code: 'path.notAbsolute', params: { path: relative } });
    }
  });

  it('resolves command-line paths against the folder they were typed in', () => {
    expect(resolveCommandLinePath('k.ppk', '/home/max/Downloads', HOME)).toBe('/home/max/Downloads/k.ppk');
    expect(resolveCommandLinePath('../k', '/home/max/Downloads', HOME)).toBe('/home/max/k');
    expect(resolveCommandLinePath('~/k', '/tmp', HOME)).toBe('/home/max/k');
    expect(resolveCommandLinePath('/abs/k', '/tmp', HOME)).toBe('/abs/k');
  });
});
