import { describe, expect, it } from 'vitest';
import { aliasFromName, uniqueAliases } from '../../../../src/main/moving-in/export/host-alias';

describe('Host aliases for exported profiles', () => {
  it('turns a profile name into something one types after `ssh`', () => {
    expect(aliasFromName('Schule Müllheim (Backup)')).toBe('schule-muellheim-backup');
    expect(aliasFromName('  Gymnasium  Straße 2 ')).toBe('gymnasium-strasse-2');
    expect(aliasFromName('École Zoé')).toBe('ecole-zoe');
    expect(aliasFromName('meine-schule.de')).toBe('meine-schule.de');
    expect(aliasFromName('*?!')).toBe('profil');
    expect(aliasFromName('a\nHost *')).toBe('a-host');
  });

  it('keeps aliases unique among themselves and apart from the portal host names', () => {
    expect(
      uniqueAliases(['Schule A', 'schule a', 'Schule-A', 'meine-schule.de'], ['meine-schule.de']),
    ).toEqual(['schule-a', 'schule-a-2', 'schule-a-3', 'meine-schule.de-2']);
  });
});
