// importPrivateKey end to end in-process (derivations in the key worker):
// formats, passphrases, the policy, and every kind of bad input.
import { createPublicKey, randomBytes } from 'node:crypto';
import sshpk from 'sshpk';
import { afterAll, describe, expect, it } from 'vitest';
import { importPrivateKey, shutdownKeyWorker } from '../../../src/main/keys';
import { MAX_BCRYPT_ROUNDS } from '../../../src/main/keys/limits';
import { PASS, appErrorOf, codeOf, ed25519, opensshKey, ppkText, rsa, setPpkHeader } from './helpers';

afterAll(() => shutdownKeyWorker());

const plainEd = opensshKey('ed25519');
const lockedEd = opensshKey('ed25519', { passphrase: PASS, rounds: 2 });

function sshpkFingerprint(publicLine: string): string {
  return sshpk.parseKey(publicLine, 'ssh').fingerprint('sha256').toString();
}

/** The binary body of an OpenSSH private key and a way to put it back. */
function opensshBody(text: string): Buffer {
  return Buffer.from(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}
function opensshArmor(body: Buffer): Buffer {
  const lines = body
    .toString('base64')
    .match(/.{1,70}/g)!
    .join('\n');
  return Buffer.from(`-----BEGIN OPENSSH PRIVATE KEY-----\n${lines}\n-----END OPENSSH PRIVATE KEY-----\n`);
}

describe('importPrivateKey: OpenSSH', () => {
  it('reads an unencrypted ED25519 key with type, bits, comment, fingerprint, public line and blob', async () => {
    const key = await importPrivateKey(Buffer.from(plainEd.privateKey));
    expect(key.type).toBe('ssh-ed25519');
    expect(key.bits).toBe(256);
    expect(key.comment).toBe('test@example.org');
    expect(key.publicKey).toBe(plainEd.publicKey);
    expect(key.fingerprint).toBe(sshpkFingerprint(plainEd.publicKey));
    expect(key.blob.toString('base64')).toBe(plainEd.publicKey.split(' ')[1]);
    expect(key.privateKey.type).toBe('private');
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
  });

  it('decrypts a bcrypt-protected key and tells a wrong or missing passphrase', async () => {
    const data = Buffer.from(lockedEd.privateKey);
    expect((await importPrivateKey(data, { passphrase: PASS })).publicKey).toBe(lockedEd.publicKey);
    expect(await codeOf(importPrivateKey(data, { passphrase: 'falsch' }))).toBe('keys.wrongPassphrase');
    expect(await codeOf(importPrivateKey(data))).toBe('keys.passphraseRequired');
    expect(await codeOf(importPrivateKey(data, { passphrase: '' }))).toBe('keys.passphraseRequired');
  });

  it('refuses absurd bcrypt rounds before deriving', async () => {
    const body = opensshBody(lockedEd.privateKey);
    // kdfoptions = string salt(16) + uint32 rounds, right after "bcrypt".
    const at = body.indexOf(Buffer.from('bcrypt')) + 'bcrypt'.length + 4 + 4 + 16;
    expect(body.readUInt32BE(at)).toBe(2);
    body.writeUInt32BE(4_000_000_000, at);
    const started = Date.now();
    const error = await appErrorOf(importPrivateKey(opensshArmor(body), { passphrase: PASS }));
    expect(error.toInfo()).toEqual({
      code: 'keys.kdfTooExpensive',
      params: { kdf: 'bcrypt', parameter: 'rounds', value: 4_000_000_000, limit: MAX_BCRYPT_ROUNDS },
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('finds a flipped bit in the private part of a plain key', async () => {
    const body = opensshBody(plainEd.privateKey);
    // Flip a bit inside the 64-byte ed25519 secret, near the end of the private section.
    body[body.length - 60]! ^= 0x01;
    expect(await codeOf(importPrivateKey(opensshArmor(body)))).toBe('keys.corrupt');
  });

  it('finds a public key in the header that does not belong to the private key', async () => {
    const other = opensshBody(opensshKey('ed25519').privateKey);
    const body = opensshBody(plainEd.privateKey);
    const pubAt = body.indexOf(Buffer.from('ssh-ed25519'));
    other.copy(
      body,
      pubAt,
      other.indexOf(Buffer.from('ssh-ed25519')),
      other.indexOf(Buffer.from('ssh-ed25519')) + 11 + 4 + 32,
    );
    expect(await codeOf(importPrivateKey(opensshArmor(body)))).toBe('keys.corrupt');
  });
});

describe('importPrivateKey: the policy', () => {
  it.each([
    ['RSA-2048 (OpenSSH)', () => opensshKey('rsa', { bits: 2048 }).privateKey, 'ssh-rsa', 2048],
    [
      'ECDSA-256 (OpenSSH, encrypted, no passphrase given)',
      () => opensshKey('ecdsa', { passphrase: PASS }).privateKey,
      'ecdsa-sha2-nistp256',
      256,
    ],
    [
      'RSA-2048 (PEM PKCS#1)',
      () => rsa(2048).export({ format: 'pem', type: 'pkcs1' }) as string,
      'ssh-rsa',
      2048,
    ],
  ])('refuses %s naming type and bits', async (_name, make, type, bits) => {
    const error = await appErrorOf(importPrivateKey(Buffer.from(make()), { source: 'id_test' }));
    expect(error.toInfo()).toEqual({ code: 'keys.policyRefused', params: { type, bits, source: 'id_test' } });
  });

  it('refuses an RSA-2048 .ppk from its public part, without a passphrase', async () => {
    const text = await ppkText(rsa(2048), PASS);
    const error = await appErrorOf(importPrivateKey(Buffer.from(text)));
    expect(error.toInfo()).toEqual({ code: 'keys.policyRefused', params: { type: 'ssh-rsa', bits: 2048 } });
  });
});

describe('importPrivateKey: .ppk and PEM', () => {
  it('reads .ppk v3 and v2, encrypted, with the MAC checked', async () => {
    const key = ed25519();
    for (const version of [3, 2] as const) {
      const data = Buffer.from(await ppkText(key, PASS, version, 'vorname.nachname@firma.de'));
      const loaded = await importPrivateKey(data, { passphrase: PASS });
      expect(loaded.comment).toBe('vorname.nachname@firma.de');
      expect(loaded.fingerprint).toBe(sshpkFingerprint(loaded.publicKey));
      expect(await codeOf(importPrivateKey(data, { passphrase: 'falsch' }))).toBe('keys.wrongPassphrase');
    }
  });

  it('refuses a .ppk whose header algorithm differs from its key', async () => {
    const text = (await ppkText(ed25519(), undefined)).replace(
      'PuTTY-User-Key-File-3: ssh-ed25519',
      'PuTTY-User-Key-File-3: ssh-rsa',
    );
    expect(await codeOf(importPrivateKey(Buffer.from(text)))).toBe('keys.corrupt');
  });

  it('reads PEM PKCS#8, plain and encrypted', async () => {
    const key = ed25519();
    const plain = key.export({ format: 'pem', type: 'pkcs8' }) as string;
    const loaded = await importPrivateKey(Buffer.from(plain));
    expect(loaded.type).toBe('ssh-ed25519');
    expect(loaded.comment).toBe('');
    const locked = key.export({
      format: 'pem',
      type: 'pkcs8',
      cipher: 'aes-256-cbc',
      passphrase: PASS,
    }) as string;
    expect((await importPrivateKey(Buffer.from(locked), { passphrase: PASS })).fingerprint).toBe(
      loaded.fingerprint,
    );
    expect(await codeOf(importPrivateKey(Buffer.from(locked)))).toBe('keys.passphraseRequired');
    expect(await codeOf(importPrivateKey(Buffer.from(locked), { passphrase: 'falsch' }))).toBe(
      'keys.wrongPassphrase',
    );
  });

  it('ignores a UTF-8 byte order mark', async () => {
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plainEd.privateKey)]);
    expect((await importPrivateKey(data)).publicKey).toBe(plainEd.publicKey);
  });
});

describe('importPrivateKey: bad input', () => {
  const ppkPlain = ppkText(ed25519(), undefined);

  it.each([
    ['an empty file', () => Buffer.alloc(0), 'keys.empty'],
    ['only whitespace', () => Buffer.from(' \n\r\n\t'), 'keys.empty'],
    ['an OpenSSH public key line', () => Buffer.from(`${plainEd.publicKey}\n`), 'keys.publicKeyGiven'],
    [
      'an authorized_keys line with options',
      () => Buffer.from(`from="10.0.0.1" ${plainEd.publicKey}\n`),
      'keys.publicKeyGiven',
    ],
    [
      'a truncated OpenSSH key (end marker missing)',
      () => Buffer.from(plainEd.privateKey.slice(0, 200)),
      'keys.corrupt',
    ],
    [
      'an OpenSSH key with its body cut short',
      () => opensshArmor(opensshBody(plainEd.privateKey).subarray(0, 150)),
      'keys.corrupt',
    ],
    [
      'an OpenSSH key with bad base64',
      () => Buffer.from(plainEd.privateKey.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!')),
      'keys.corrupt',
    ],
    ['binary garbage', () => randomBytes(4096), 'keys.unsupportedFormat'],
    [
      'a text file',
      () => Buffer.from('Liebe Kolleginnen und Kollegen,\nanbei der Schlüssel.\n'),
      'keys.unsupportedFormat',
    ],
    ['several MB', () => Buffer.alloc(3 * 1024 * 1024, 0x41), 'keys.tooLarge'],
    ['an SSH-1 key', () => Buffer.from('SSH PRIVATE KEY FILE FORMAT 1.1\n\0rest'), 'keys.unsupportedFormat'],
  ])('%s', async (_name, make, code) => {
    expect(await codeOf(importPrivateKey(make()))).toBe(code);
  });

  it('refuses a public key in SSH2 and PEM form', async () => {
    const pem = createPublicKey(ed25519()).export({ format: 'pem', type: 'spki' }) as string;
    expect(await codeOf(importPrivateKey(Buffer.from(pem)))).toBe('keys.publicKeyGiven');
    const rfc4716 = `---- BEGIN SSH2 PUBLIC KEY ----\nComment: "x"\n${plainEd.publicKey.split(' ')[1]}\n---- END SSH2 PUBLIC KEY ----\n`;
    expect(await codeOf(importPrivateKey(Buffer.from(rfc4716)))).toBe('keys.publicKeyGiven');
  });

  it('refuses a truncated or bit-flipped .ppk', async () => {
    const text = await ppkPlain;
    expect(await codeOf(importPrivateKey(Buffer.from(text.slice(0, text.length - 30))))).toBe('keys.corrupt');
    const mac = /^Private-MAC: (.*)$/m.exec(text)![1]!;
    const flipped = setPpkHeader(
      text,
      'Private-MAC',
      mac.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    );
    expect(await codeOf(importPrivateKey(Buffer.from(flipped)))).toBe('keys.corrupt');
    expect(
      await codeOf(
        importPrivateKey(Buffer.from(text.replace('PuTTY-User-Key-File-3', 'PuTTY-User-Key-File-1'))),
      ),
    ).toBe('keys.unsupportedFormat');
  });

  it('adds the source to every error', async () => {
    const error = await appErrorOf(importPrivateKey(Buffer.alloc(0), { source: 'C:\\Users\\x\\key.ppk' }));
    expect(error.params).toEqual({ source: 'C:\\Users\\x\\key.ppk' });
  });
});
