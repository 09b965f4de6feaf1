// The generate job checks what ssh2 made and generates again when the pair is
// unusable: ssh2 1.17 cuts a leading zero byte off about one ED25519 public
// key in 256 (mscdex/ssh2 #1390, #1513). A stand-in generator hands out such
// pairs on purpose; the real ssh2 makes the good ones.
import { generateKeyPairSync } from 'node:crypto';
import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { WireWriter } from '../../../src/main/core/wire';
import { parsePublicKeyLine } from '../../../src/main/keys/public-key';
import {
  GENERATE_TRIES,
  generateCheckedKeyPair,
  keyPairDefect,
  type KeyPairMaker,
  type KeyPairText,
} from '../../../src/main/keys/worker/jobs';
import type { JobRequest } from '../../../src/main/keys/worker/protocol';
import { PASS, appErrorOf } from './helpers';

const COMMENT = 'vorname.nachname@firma.de';
/** One bcrypt round: the checks open the private key with the passphrase, as the app does. */
const REQUEST: JobRequest<'generate'> = {
  kind: 'generate',
  type: 'ed25519',
  comment: COMMENT,
  passphrase: PASS,
  rounds: 1,
};

/** A sound pair from ssh2 itself, encrypted as the app asks (cheap rounds). */
function goodPair(): KeyPairText {
  for (;;) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519', {
      comment: COMMENT,
      passphrase: PASS,
      cipher: 'aes256-ctr',
      rounds: 1,
    });
    // ssh2's own bug may strike here too (1 in 256); the stand-ins need a good one.
    if (!(ssh2.utils.parseKey(pair.public) instanceof Error)) return pair;
  }
}

/**
 * An unencrypted OpenSSH ED25519 file laid out as ssh2 writes it: the public
 * key in the clear part, then check-ints, type, public key, seed + public key,
 * comment and padding. `publicKey` may be short, as ssh2's bug leaves it.
 */
function opensshEd25519File(seed: Buffer, publicKey: Buffer, comment: string): string {
  const blob = new WireWriter().string('ssh-ed25519').string(publicKey).toBuffer();
  const inner = new WireWriter()
    .uint32(0x01020304)
    .uint32(0x01020304)
    .string('ssh-ed25519')
    .string(publicKey)
    .string(Buffer.concat([seed, publicKey]))
    .string(comment)
    .toBuffer();
  const padding = Buffer.from(Array.from({ length: (8 - (inner.length % 8)) % 8 }, (_, i) => i + 1));
  const body = new WireWriter()
    .raw(Buffer.from('openssh-key-v1\0', 'latin1'))
    .string('none')
    .string('none')
    .string('')
    .uint32(1)
    .string(blob)
    .string(Buffer.concat([inner, padding]))
    .toBuffer();
  const lines = body
    .toString('base64')
    .match(/.{1,70}/g)!
    .join('\n');
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

function ed25519Parts(): { seed: Buffer; publicKey: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    seed: Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'),
    publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'),
  };
}

/** What ssh2's bug produces: the public key without its leading byte, in the .pub line and the private file. */
function cutPair(): KeyPairText {
  const { seed, publicKey } = ed25519Parts();
  const cut = publicKey.subarray(1);
  expect(cut.length).toBe(31);
  const blob = new WireWriter().string('ssh-ed25519').string(cut).toBuffer();
  return {
    private: opensshEd25519File(seed, cut, COMMENT),
    public: `ssh-ed25519 ${blob.toString('base64')} ${COMMENT}`,
  };
}

/** Hands out the given pairs in order and counts the calls. */
function scripted(...pairs: KeyPairText[]): KeyPairMaker & { calls: number } {
  const maker = Object.assign(
    async () => {
      const pair = pairs[Math.min(maker.calls, pairs.length - 1)]!;
      maker.calls++;
      return pair;
    },
    { calls: 0 },
  );
  return maker;
}

describe('keyPairDefect', () => {
  it('accepts a sound ssh2 pair opened with the passphrase', () => {
    expect(keyPairDefect(REQUEST, goodPair())).toBeUndefined();
  });

  it('refuses a 31-byte ED25519 public key, as ssh2 and our reader do', () => {
    const bad = cutPair();
    expect(ssh2.utils.parseKey(bad.public)).toBeInstanceOf(Error);
    expect(parsePublicKeyLine(bad.public)).toBeUndefined();
    expect(keyPairDefect(REQUEST, bad)).toMatch(/^public key: /);
  });

  it('refuses a private file whose embedded public key is cut, even with a sound .pub line', () => {
    // The hand-made file is sound when nothing is cut.
    const { seed, publicKey } = ed25519Parts();
    const whole = opensshEd25519File(seed, publicKey, COMMENT);
    const wholeLine = `ssh-ed25519 ${new WireWriter().string('ssh-ed25519').string(publicKey).toBuffer().toString('base64')}`;
    expect(
      keyPairDefect({ ...REQUEST, passphrase: '' }, { private: whole, public: wholeLine }),
    ).toBeUndefined();

    const bad = { private: cutPair().private, public: goodPair().public };
    expect(keyPairDefect({ ...REQUEST, passphrase: '' }, bad)).toBe(
      'private key: Malformed OpenSSH private key',
    );
  });

  it('refuses a private key that belongs to another public key', () => {
    const bad = { private: goodPair().private, public: goodPair().public };
    expect(keyPairDefect(REQUEST, bad)).toBe('private key: embedded public key differs');
  });

  it('refuses a private key the passphrase does not open', () => {
    expect(keyPairDefect({ ...REQUEST, passphrase: 'falsch' }, goodPair())).toMatch(/^private key: /);
  });
});

describe('generateCheckedKeyPair', () => {
  it('generates again after a cut ED25519 key and returns the sound second pair', async () => {
    const good = goodPair();
    const maker = scripted(cutPair(), good);
    const result = await generateCheckedKeyPair(REQUEST, maker);
    expect(maker.calls).toBe(2);
    expect(result).toEqual({ privateKey: good.private, publicKey: good.public });
    expect(parsePublicKeyLine(result.publicKey)?.blob.length).toBe(4 + 11 + 4 + 32);
  });

  it(`gives up with keys.generationFailed after ${GENERATE_TRIES} unusable pairs`, async () => {
    const maker = scripted(cutPair());
    const error = await appErrorOf(generateCheckedKeyPair(REQUEST, maker));
    expect(error.code).toBe('keys.generationFailed');
    expect(maker.calls).toBe(GENERATE_TRIES);
    // The detail names the defect, never key material.
    expect((error.cause as Error).message).toMatch(/unusable key pairs; last: public key: Malformed/);
  });

  it('does not retry when ssh2 refuses to generate at all', async () => {
    let calls = 0;
    const failing: KeyPairMaker = async () => {
      calls++;
      throw new Error('Invalid cipher name');
    };
    expect((await appErrorOf(generateCheckedKeyPair(REQUEST, failing))).code).toBe('keys.generationFailed');
    expect(calls).toBe(1);
  });

  it('makes a sound pair with ssh2 by default', async () => {
    const result = await generateCheckedKeyPair(REQUEST);
    expect(keyPairDefect(REQUEST, { private: result.privateKey, public: result.publicKey })).toBeUndefined();
    expect(result.publicKey.endsWith(` ${COMMENT}`)).toBe(true);
  });
});
