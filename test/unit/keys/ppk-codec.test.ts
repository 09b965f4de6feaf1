// The .ppk codec on its own: round trips, the MAC check, and the KDF caps,
// with the derivations run in-process.
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src/main/core/app-error';
import { unlockPpk } from '../../../src/main/keys/ppk/codec';
import { parsePpk } from '../../../src/main/keys/ppk/format';
import { checkArgon2Params, deriveV2Keys, inlinePpkKdf, type PpkKdf } from '../../../src/main/keys/ppk/kdf';
import { blobFromKeyObject } from '../../../src/main/keys/public-key';
import { CHEAP_ARGON2, PASS, appErrorOf, codeOf, ed25519, ppkText, rsa, setPpkHeader } from './helpers';

const ED = ed25519();
const RSA = rsa(2048);

function parse(text: string) {
  // The bytes as they would be on disk (serializePpk's text is written as UTF-8).
  return parsePpk(Buffer.from(text, 'utf8'));
}

/** A KDF that must never be reached (for checks that have to happen before derivation). */
const forbiddenKdf: PpkKdf = {
  argon2: vi.fn(async () => {
    throw new Error('derivation must not start');
  }),
  v2Keys: vi.fn(async () => {
    throw new Error('derivation must not start');
  }),
};

describe('ppk codec', () => {
  it.each([
    ['ed25519 v3 encrypted', ED, PASS, 3],
    ['ed25519 v3 plain', ED, undefined, 3],
    ['ed25519 v2 encrypted', ED, PASS, 2],
    ['ed25519 v2 plain', ED, undefined, 2],
    ['rsa v3 encrypted', RSA, PASS, 3],
    ['rsa v2 plain', RSA, undefined, 2],
  ] as const)('round trips %s', async (_name, key, passphrase, version) => {
    const text = await ppkText(key, passphrase, version, 'Grüße von vorname.nachname@firma.de');
    expect(text).toMatch(new RegExp(`^PuTTY-User-Key-File-${version}: ssh-`));
    expect(text).toContain(passphrase ? 'Encryption: aes256-cbc' : 'Encryption: none');
    const file = parse(text);
    expect(file.commentBytes.toString('utf8')).toBe('Grüße von vorname.nachname@firma.de');
    const back = await unlockPpk(file, passphrase, inlinePpkKdf);
    expect(blobFromKeyObject(back)).toEqual(blobFromKeyObject(key));
    expect(back.export({ format: 'jwk' }).d).toBe(key.export({ format: 'jwk' }).d);
  });

  it('writes Argon2id parameters into v3 files and none into plain ones', async () => {
    const file = parse(await ppkText(ED, PASS));
    expect(file.argon2).toMatchObject({ flavour: 'Argon2id', ...CHEAP_ARGON2 });
    expect(file.argon2?.salt).toHaveLength(16);
    expect(parse(await ppkText(ED, undefined)).argon2).toBeUndefined();
  });

  it('reads CRLF line ends', async () => {
    const text = (await ppkText(ED, PASS)).replace(/\n/g, '\r\n');
    await expect(unlockPpk(parse(text), PASS, inlinePpkKdf)).resolves.toBeDefined();
    // And it is the same key, not merely some key.
    expect(blobFromKeyObject(await unlockPpk(parse(text), PASS, inlinePpkKdf))).toEqual(
      blobFromKeyObject(ED),
    );
  });

  it.each([3, 2] as const)('tells a wrong passphrase (v%i) from a changed file', async (version) => {
    const text = await ppkText(ED, PASS, version);
    expect(await codeOf(unlockPpk(parse(text), 'falsch', inlinePpkKdf))).toBe('keys.wrongPassphrase');
    expect(await codeOf(unlockPpk(parse(text), undefined, inlinePpkKdf))).toBe('keys.passphraseRequired');
    // Right passphrase, but the comment (covered by the MAC) was edited.
    const edited = text.replace('Comment: test@example.org', 'Comment: jemand@anders.de');
    expect(await codeOf(unlockPpk(parse(edited), PASS, inlinePpkKdf))).toBe('keys.corrupt');
  });

  it('refuses a plain file whose MAC does not match', async () => {
    const text = await ppkText(ED, undefined);
    const mac = /^Private-MAC: (.*)$/m.exec(text)![1]!;
    const flipped = setPpkHeader(text, 'Private-MAC', `${mac[0] === '0' ? '1' : '0'}${mac.slice(1)}`);
    expect(await codeOf(unlockPpk(parse(flipped), undefined, inlinePpkKdf))).toBe('keys.corrupt');
    const edited = text.replace('Comment: test@example.org', 'Comment: test@example.orG');
    expect(await codeOf(unlockPpk(parse(edited), undefined, inlinePpkKdf))).toBe('keys.corrupt');
  });

  it('derives PuTTY v2 keys as documented (SHA-1 of counter and passphrase)', () => {
    // Known answers from coreutils: printf '\0\0\0\0geheim' | sha1sum, etc.
    const keys = deriveV2Keys('geheim');
    expect(keys.cipherKey.toString('hex')).toBe(
      '3e27f753a6e3796a4fafd9b583504ceae7e6b0d4' + 'eb048657eda288beca4b61623483e16112e06945'.slice(0, 24),
    );
    expect(keys.macKey.toString('hex')).toBe('9623c56414b3a61febad4e202c638a720383dedb');
  });

  it.each([
    [{ memoryKiB: 2 * 1024 * 1024 }, 'Argon2-Memory'],
    [{ passes: 100_000 }, 'Argon2-Passes'],
    [{ parallelism: 1000, memoryKiB: 8 * 1000 }, 'Argon2-Parallelism'],
    [{ memoryKiB: 1024 * 1024, passes: 10 }, 'Argon2-Memory×Argon2-Passes'],
  ])('refuses expensive Argon2 parameters %o before deriving', async (change, parameter) => {
    let text = await ppkText(ED, PASS);
    if ('memoryKiB' in change) text = setPpkHeader(text, 'Argon2-Memory', String(change.memoryKiB));
    if ('passes' in change) text = setPpkHeader(text, 'Argon2-Passes', String(change.passes));
    if ('parallelism' in change) text = setPpkHeader(text, 'Argon2-Parallelism', String(change.parallelism));
    const error = await appErrorOf(unlockPpk(parse(text), PASS, forbiddenKdf));
    expect(error.code).toBe('keys.kdfTooExpensive');
    expect(error.params).toMatchObject({ kdf: 'Argon2id', parameter });
    expect(forbiddenKdf.argon2).not.toHaveBeenCalled();
  });

  it('accepts PuTTYgen-like parameters and refuses impossible ones as corrupt', () => {
    const salt = Buffer.alloc(16, 1);
    expect(() =>
      checkArgon2Params({ flavour: 'Argon2id', memoryKiB: 8192, passes: 21, parallelism: 1, salt }),
    ).not.toThrow();
    expect(() =>
      checkArgon2Params({ flavour: 'Argon2id', memoryKiB: 8192, passes: 0, parallelism: 1, salt }),
    ).toThrow(AppError);
    expect(() =>
      checkArgon2Params({
        flavour: 'Argon2i',
        memoryKiB: 8192,
        passes: 1,
        parallelism: 1,
        salt: Buffer.alloc(4),
      }),
    ).toThrow(expect.objectContaining({ code: 'keys.corrupt' }));
  });

  it('refuses unknown encryption and key derivation names', async () => {
    const text = await ppkText(ED, PASS);
    expect(() => parse(setPpkHeader(text, 'Key-Derivation', 'scrypt'))).toThrow(
      expect.objectContaining({ code: 'keys.unsupportedEncryption', params: { cipher: 'scrypt' } }),
    );
    const file = parse(setPpkHeader(text, 'Encryption', 'aes128-cbc'));
    expect(await codeOf(unlockPpk(file, PASS, forbiddenKdf))).toBe('keys.unsupportedEncryption');
  });

  it('refuses structural damage as corrupt', async () => {
    const text = await ppkText(ED, PASS);
    for (const damaged of [
      text.replace(/^Private-Lines: 1$/m, 'Private-Lines: 7'),
      text.replace(/^Public-Lines: (\d+)$/m, 'Public-Lines: x'),
      text.slice(0, text.indexOf('Private-MAC')),
      text.replace(/^Argon2-Salt: .*$/m, 'Argon2-Salt: zz'),
      `${text}Extra: line\n`,
    ]) {
      expect(() => parse(damaged)).toThrow(expect.objectContaining({ code: 'keys.corrupt' }));
    }
  });
});
