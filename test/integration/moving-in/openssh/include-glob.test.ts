import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandIncludeGlob, isGlob } from '../../../../src/main/moving-in/openssh/include-glob';
import { tempHome } from './temp-home';

describe('Include globs', () => {
  it('matches `*` and `?` in any segment, keeps only existing paths, sorted', async () => {
    const t = tempHome();
    t.write('schulen/nord/config', '');
    t.write('schulen/sued/config', '');
    t.write('schulen/west/anderes', '');
    t.write('schulen/.alt/config', '');
    t.write('k1.conf', '');
    t.write('k22.conf', '');
    expect(await expandIncludeGlob(join(t.home, 'schulen/*/config'))).toEqual([
      join(t.home, 'schulen/nord/config'),
      join(t.home, 'schulen/sued/config'),
    ]);
    expect(await expandIncludeGlob(join(t.home, 'k?.conf'))).toEqual([join(t.home, 'k1.conf')]);
    expect(await expandIncludeGlob(join(t.home, 'schulen/.*/config'))).toEqual([
      join(t.home, 'schulen/.alt/config'),
    ]);
    expect(await expandIncludeGlob(join(t.home, 'fehlt/*'))).toEqual([]);
    expect(isGlob('/a/b')).toBe(false);
  });
});
