import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, generateKeyInputSchema } from '../../../../src/shared/contract/keys';
import { resolveUserPath } from '../../../../src/main/core/user-path';
import { freeDefaultKeyPath } from '../../../../src/main/services/keys-wizard/paths';
import { passphraseProblem, passphraseStrength } from '../../../../src/renderer/views/keys/passphrase';
import { isUsableKeyPath } from '../../../../src/renderer/views/keys/path-rule';

describe('passphrase rules', () => {
  it('refuses empty and short passphrases and mismatches; weak ones only get a hint', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(12);
    expect(passphraseProblem('', '')).toBe('empty');
    expect(passphraseProblem('elf Zeichen', 'elf Zeichen')).toBe('tooShort');
    expect(passphraseProblem('zwölf Zeiche', 'zwölf Zeichen')).toBe('mismatch');
    expect(passphraseProblem('zwölf Zeiche', 'zwölf Zeiche')).toBeUndefined();
    expect(passphraseProblem('aaaaaaaaaaaa', 'aaaaaaaaaaaa')).toBeUndefined();
  });

  it('rates by length and variety, and does not reward repetition', () => {
    expect(passphraseStrength('')).toBe('empty');
    expect(passphraseStrength('Kurz1!')).toBe('tooShort');
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('abcdefghijkl')).toBe('weak');
    expect(passphraseStrength('Abcdefghijk7')).toBe('fair');
    expect(passphraseStrength('kreide tafel schwamm pause')).toBe('strong');
    expect(passphraseStrength('Kreide-Tafel-42-Schwamm')).toBe('strong');
  });

  it('the contract refuses what the form refuses', () => {
    const base = { type: 'ed25519', comment: 'a.b@firma.de', path: '/tmp/k' };
    expect(generateKeyInputSchema.safeParse({ ...base, passphrase: 'x'.repeat(11) }).success).toBe(false);
    expect(generateKeyInputSchema.safeParse({ ...base, passphrase: 'x'.repeat(12) }).success).toBe(true);
    expect(
      generateKeyInputSchema.safeParse({ ...base, passphrase: 'x'.repeat(12), type: 'rsa2048' }).success,
    ).toBe(false);
    expect(
      generateKeyInputSchema.safeParse({ ...base, passphrase: 'x'.repeat(12), comment: 'no mail' }).success,
    ).toBe(false);
    const parsed = generateKeyInputSchema.parse({ ...base, passphrase: 'x'.repeat(12) });
    expect(parsed).toMatchObject({ overwrite: false, ppkCopy: false });
  });
});

describe('key paths', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('accepts absolute and home paths only', () => {
    expect(resolveUserPath('/home/max/.ssh/id_ed25519', '/home/max')).toBe('/home/max/.ssh/id_ed25519');
    expect(resolveUserPath('~/.ssh/id_ed25519', '/home/max')).toBe('/home/max/.ssh/id_ed25519');
    expect(resolveUserPath('/a/b/../c', '/home/max')).toBe('/a/c');
    expect(resolveUserPath('id_ed25519', '/home/max')).toBeNull();
    expect(resolveUserPath('~', '/home/max')).toBeNull();
    expect(resolveUserPath('~other/x', '/home/max')).toBeNull();

    expect(isUsableKeyPath('/home/max/k')).toBe(true);
    expect(isUsableKeyPath('~/k')).toBe(true);
    expect(isUsableKeyPath('C:\\Users\\max\\k')).toBe(true);
    expect(isUsableKeyPath('k')).toBe(false);
    expect(isUsableKeyPath('')).toBe(false);
  });

  it('suggests the first free name in the data folder, counting .pub and .ppk as taken', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-wizard-paths-'));
    const keys = join(dir, 'keys');
    expect(await freeDefaultKeyPath(dir, 'ed25519')).toBe(join(keys, 'id_ed25519'));
    expect(await freeDefaultKeyPath(dir, 'rsa4096')).toBe(join(keys, 'id_rsa'));
    mkdirSync(keys);
    writeFileSync(join(keys, 'id_ed25519'), 'x');
    writeFileSync(join(keys, 'id_ed25519_2.ppk'), 'x');
    writeFileSync(join(keys, 'id_ed25519_3.pub'), 'x');
    expect(await freeDefaultKeyPath(dir, 'ed25519')).toBe(join(keys, 'id_ed25519_4'));
  });
});
