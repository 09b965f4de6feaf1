// The agent protocol codec: wire primitives, framing, every request type,
// key material of ADD_IDENTITY, constraints and session-bind.
import { createPublicKey, generateKeyPairSync, sign as cryptoSign, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedPrivateKey } from '../../../src/main/keys/types';
import { AgentMessage, MAX_MESSAGE_LENGTH } from '../../../src/main/agent/protocol/constants';
import { FrameDecoder, frame } from '../../../src/main/agent/protocol/framing';
import * as msg from '../../../src/main/agent/protocol/messages';
import { decodeRequest } from '../../../src/main/agent/protocol/requests';
import { ProtocolError } from '../../../src/main/agent/protocol/protocol-error';
import { parseSessionBind, SessionBindRefused } from '../../../src/main/agent/protocol/session-bind';
import { parseUserauthRequest } from '../../../src/main/agent/protocol/userauth-request';
import { WireReader as SshReader, WireWriter as SshWriter } from '../../../src/main/core/wire';
import { blobFromKeyObject } from '../../../src/main/keys/public-key';
import { describeBlob } from '../../../src/main/keys/public-key';
import { addIdentityFields, generateLoadedKey } from '../../fixtures/agent/keys';

let ed: LoadedPrivateKey;
let rsa: LoadedPrivateKey;
beforeAll(async () => {
  [ed, rsa] = await Promise.all([generateLoadedKey('ed25519'), generateLoadedKey('rsa', { bits: 4096 })]);
});

describe('wire primitives', () => {
  it('round-trips uint32, string, boolean and mpint (with sign padding)', () => {
    const buf = new SshWriter()
      .uint32(0xdeadbeef)
      .string('häh')
      .boolean(true)
      .mpint(Buffer.from([0x00, 0x80, 0x01]))
      .mpint(Buffer.from([0x7f]))
      .toBuffer();
    const r = new SshReader(buf);
    expect(r.uint32()).toBe(0xdeadbeef);
    expect(r.text()).toBe('häh');
    expect(r.boolean()).toBe(true);
    // 0x80 needs a zero byte in front on the wire, and loses it on reading.
    expect(buf.subarray(buf.length - 5 - 7, buf.length - 5).toString('hex')).toBe('00000003008001');
    expect(r.mpintUnsigned().toString('hex')).toBe('8001');
    expect(r.mpintUnsigned().toString('hex')).toBe('7f');
    expect(() => r.end()).not.toThrow();
  });

  it('refuses truncated strings, negative mpints and trailing bytes', () => {
    expect(() => new SshReader(Buffer.from([0, 0, 0, 9, 1])).string()).toThrow(/truncated/);
    expect(() => new SshReader(Buffer.from([0, 0, 0, 1, 0x80])).mpintUnsigned()).toThrow(/negative/);
    expect(() => new SshReader(Buffer.from([1])).end()).toThrow(/trailing/);
  });
});

describe('framing', () => {
  it('reassembles frames split at every byte and splits coalesced ones', () => {
    const bytes = Buffer.concat([
      frame(Buffer.from([11])),
      frame(Buffer.from('hello')),
      frame(Buffer.alloc(0)),
    ]);
    const decoder = new FrameDecoder();
    const frames: Buffer[] = [];
    for (const byte of bytes) frames.push(...decoder.push(Buffer.from([byte])).frames);
    expect(frames.map((f) => f.toString('hex'))).toEqual(['0b', Buffer.from('hello').toString('hex'), '']);
    expect(new FrameDecoder().push(bytes).frames).toHaveLength(3);
  });

  it('reports a length above 256 KiB as oversize, but accepts exactly 256 KiB', () => {
    const header = Buffer.alloc(4);
    header.writeUInt32BE(MAX_MESSAGE_LENGTH + 1);
    expect(new FrameDecoder().push(header)).toEqual({ frames: [], oversize: true });
    header.writeUInt32BE(MAX_MESSAGE_LENGTH);
    const decoder = new FrameDecoder();
    expect(decoder.push(header).oversize).toBe(false);
    expect(decoder.push(Buffer.alloc(MAX_MESSAGE_LENGTH)).frames).toHaveLength(1);
  });
});

describe('request decoding', () => {
  it('decodes REQUEST_IDENTITIES, SIGN_REQUEST with flags, REMOVE, REMOVE_ALL, LOCK, UNLOCK', () => {
    expect(decodeRequest(msg.requestIdentities())).toEqual({ type: 'requestIdentities' });
    const sign = decodeRequest(msg.signRequest(ed.blob, Buffer.from('data'), 4));
    expect(sign).toMatchObject({ type: 'sign', flags: 4 });
    if (sign.type === 'sign') {
      expect(sign.keyBlob.equals(ed.blob)).toBe(true);
      expect(sign.data.toString()).toBe('data');
    }
    const remove = decodeRequest(msg.removeIdentity(rsa.blob));
    expect(remove.type === 'removeIdentity' && remove.keyBlob.equals(rsa.blob)).toBe(true);
    expect(decodeRequest(msg.removeAllIdentities())).toEqual({ type: 'removeAll' });
    const lock = decodeRequest(msg.lock('pw'));
    expect(lock.type === 'lock' && lock.passphrase.toString()).toBe('pw');
    const unlock = decodeRequest(msg.unlock('pw'));
    expect(unlock.type === 'unlock' && unlock.passphrase.toString()).toBe('pw');
  });

  it('decodes EXTENSION with its raw contents after the name', () => {
    const ext = decodeRequest(msg.extension('foo@example.org', Buffer.from([1, 2, 3])));
    expect(ext.type === 'extension' && [ext.name, ext.contents.toString('hex')]).toEqual([
      'foo@example.org',
      '010203',
    ]);
  });

  it('marks unknown types (incl. SSH1 ones) as unknown and truncated bodies as malformed', () => {
    expect(decodeRequest(Buffer.from([1]))).toEqual({ type: 'unknown', code: 1 });
    expect(decodeRequest(Buffer.from([200, 1, 2]))).toEqual({ type: 'unknown', code: 200 });
    expect(decodeRequest(Buffer.alloc(0))).toMatchObject({ type: 'malformed' });
    const sign = msg.signRequest(ed.blob, Buffer.from('data'), 0);
    for (let cut = 1; cut < sign.length; cut++) {
      expect(decodeRequest(sign.subarray(0, cut)).type).toBe('malformed');
    }
    expect(decodeRequest(Buffer.concat([msg.requestIdentities(), Buffer.from([0])])).type).toBe('malformed');
  });

  it('reads ED25519 key material into a key that signs for the same public key', () => {
    const request = decodeRequest(msg.addIdentity(addIdentityFields(ed)));
    expect(request.type).toBe('addIdentity');
    if (request.type !== 'addIdentity' || request.material.kind !== 'key') throw new Error('not parsed');
    const key = request.material.key;
    expect([key.type, key.bits, key.comment, key.fingerprint]).toEqual([
      'ssh-ed25519',
      256,
      ed.comment,
      ed.fingerprint,
    ]);
    expect(key.publicKey).toBe(ed.publicKey);
    const sig = cryptoSign(null, Buffer.from('x'), key.privateKey);
    expect(verify(null, Buffer.from('x'), createPublicKey(ed.privateKey), sig)).toBe(true);
  });

  it('reads RSA key material (CRT exponents computed) into a working 4096-bit key', () => {
    const request = decodeRequest(
      msg.addIdentity(addIdentityFields(rsa), { lifetimeSeconds: 30, confirm: true }),
    );
    if (request.type !== 'addIdentity' || request.material.kind !== 'key') throw new Error('not parsed');
    expect(request.constrained).toBe(true);
    expect(request.constraints).toEqual({ lifetimeSeconds: 30, confirm: true });
    const key = request.material.key;
    expect([key.type, key.bits, key.fingerprint]).toEqual(['ssh-rsa', 4096, rsa.fingerprint]);
    const jwk = key.privateKey.export({ format: 'jwk' });
    const original = rsa.privateKey.export({ format: 'jwk' });
    expect([jwk.dp, jwk.dq, jwk.qi]).toEqual([original.dp, original.dq, original.qi]);
  });

  it('refuses an ED25519 key whose public half does not belong to the secret', () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
    const jwk = ed.privateKey.export({ format: 'jwk' });
    const pub = Buffer.from(other, 'base64url');
    const fields = new SshWriter()
      .string('ssh-ed25519')
      .string(pub)
      .string(Buffer.concat([Buffer.from(jwk.d!, 'base64url'), pub]))
      .string('liar')
      .toBuffer();
    expect(decodeRequest(msg.addIdentity(fields))).toMatchObject({
      type: 'malformed',
      code: AgentMessage.ADD_IDENTITY,
    });
  });

  it('refuses an RSA key whose primes do not multiply to n', () => {
    const jwk = rsa.privateKey.export({ format: 'jwk' });
    const b = (v?: string) => Buffer.from(v!, 'base64url');
    const fields = new SshWriter()
      .string('ssh-rsa')
      .mpint(b(jwk.n))
      .mpint(b(jwk.e))
      .mpint(b(jwk.d))
      .mpint(b(jwk.qi))
      .mpint(b(jwk.p))
      .mpint(b(jwk.p))
      .string('broken')
      .toBuffer();
    expect(decodeRequest(msg.addIdentity(fields))).toMatchObject({ type: 'malformed' });
  });

  it('marks unknown constraints (and OpenSSH constraint extensions) malformed', () => {
    const fields = addIdentityFields(ed);
    const withCode = (bytes: number[]) =>
      Buffer.concat([Buffer.from([AgentMessage.ADD_ID_CONSTRAINED]), fields, Buffer.from(bytes)]);
    expect(decodeRequest(withCode([3])).type).toBe('malformed');
    const ext = new SshWriter()
      .byte(255)
      .string('restrict-destination-v00@openssh.com')
      .string(Buffer.alloc(0))
      .toBuffer();
    expect(decodeRequest(Buffer.concat([withCode([]), ext])).type).toBe('malformed');
    expect(decodeRequest(withCode([1, 0, 0]))).toMatchObject({
      type: 'malformed',
      reason: 'truncated uint32',
    });
    expect(decodeRequest(withCode([2]))).toMatchObject({
      type: 'addIdentity',
      constraints: { confirm: true },
    });
  });

  it('describes ECDSA and DSA key material (size and comment) without loading it', () => {
    const ecdsa = new SshWriter()
      .string('ecdsa-sha2-nistp384')
      .string('nistp384')
      .string(Buffer.alloc(97, 4))
      .mpint(Buffer.alloc(48, 9))
      .string('ec@firma.de')
      .toBuffer();
    expect(decodeRequest(msg.addIdentity(ecdsa))).toMatchObject({
      type: 'addIdentity',
      material: { kind: 'unsupported', type: 'ecdsa-sha2-nistp384', bits: 384, comment: 'ec@firma.de' },
    });
    const w = new SshWriter().string('ssh-dss').mpint(Buffer.alloc(128, 0xff));
    for (let i = 0; i < 4; i++) w.mpint(Buffer.alloc(20, 1));
    expect(decodeRequest(msg.addIdentity(w.string('dsa@firma.de').toBuffer()))).toMatchObject({
      material: { kind: 'unsupported', type: 'ssh-dss', bits: 1024, comment: 'dsa@firma.de' },
    });
    // A garbled body still yields a refusable description.
    const cut = new SshWriter().string('ecdsa-sha2-nistp256').string('nistp256').toBuffer();
    expect(decodeRequest(msg.addIdentity(cut))).toMatchObject({
      material: { kind: 'unsupported', type: 'ecdsa-sha2-nistp256', bits: 256, comment: '' },
    });
  });
});

describe('replies', () => {
  it('encodes IDENTITIES_ANSWER, SIGN_RESPONSE, SUCCESS, FAILURE and the query answer', () => {
    const answer = new SshReader(msg.identitiesAnswer([{ blob: ed.blob, comment: 'c' }]));
    expect(answer.byte()).toBe(12);
    expect(answer.uint32()).toBe(1);
    expect(answer.string().equals(ed.blob)).toBe(true);
    expect(answer.text()).toBe('c');
    answer.end();
    expect(msg.signResponse(Buffer.from('sig')).toString('hex')).toBe(
      '0e00000003' + Buffer.from('sig').toString('hex'),
    );
    expect([...msg.success(), ...msg.failure()]).toEqual([6, 5]);
    const query = new SshReader(msg.queryResponse(['query', 'session-bind@openssh.com']));
    expect([query.byte(), query.text(), query.text(), query.text()]).toEqual([
      29,
      'query',
      'query',
      'session-bind@openssh.com',
    ]);
  });
});

describe('session-bind', () => {
  const host = generateKeyPairSync('ed25519');
  const hostBlob = blobFromKeyObject(host.publicKey);
  const sessionId = Buffer.alloc(32, 7);
  const sig = (data: Buffer, key = host.privateKey, algorithm = 'ssh-ed25519') =>
    new SshWriter()
      .string(algorithm)
      .string(cryptoSign(null, data, key))
      .toBuffer();
  const bindOf = (hostKey: Buffer, signature: Buffer, forwarding = false) =>
    msg.sessionBindContents(hostKey, sessionId, signature, forwarding);

  it('parses host key, session id and forwarding flag once the signature verifies', () => {
    const bind = parseSessionBind(bindOf(hostBlob, sig(sessionId), true));
    expect(bind).toMatchObject({ hostKeyType: 'ssh-ed25519', forwarding: true });
    expect(bind.hostKeyFingerprint).toMatch(/^SHA256:/);
    expect(bind.sessionId.equals(sessionId)).toBe(true);
  });

  it('verifies RSA and ECDSA host key signatures too', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = ec.publicKey.export({ format: 'jwk' });
    const point = Buffer.concat([
      Buffer.from([4]),
      Buffer.from(jwk.x!, 'base64url'),
      Buffer.from(jwk.y!, 'base64url'),
    ]);
    const ecBlob = new SshWriter().string('ecdsa-sha2-nistp256').string('nistp256').string(point).toBuffer();
    const raw = cryptoSign('sha256', sessionId, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' });
    const ecSig = new SshWriter().mpint(raw.subarray(0, 32)).mpint(raw.subarray(32)).toBuffer();
    const ecSigBlob = new SshWriter().string('ecdsa-sha2-nistp256').string(ecSig).toBuffer();
    expect(parseSessionBind(bindOf(ecBlob, ecSigBlob)).hostKeyType).toBe('ecdsa-sha2-nistp256');
    expect(describeBlob(ecBlob)).toEqual({ type: 'ecdsa-sha2-nistp256', bits: 256 });
    // The same ECDSA signature claimed for another curve does not verify.
    const p384Claim = new SshWriter().string('ecdsa-sha2-nistp384').string(ecSig).toBuffer();
    expect(() => parseSessionBind(bindOf(ecBlob, p384Claim))).toThrow(SessionBindRefused);

    const rsaSig = (algorithm: string, hash: string) =>
      new SshWriter()
        .string(algorithm)
        .string(cryptoSign(hash, sessionId, rsa.privateKey))
        .toBuffer();
    expect(parseSessionBind(bindOf(rsa.blob, rsaSig('rsa-sha2-512', 'sha512'))).hostKeyType).toBe('ssh-rsa');
    expect(parseSessionBind(bindOf(rsa.blob, rsaSig('rsa-sha2-256', 'sha256'))).hostKeyType).toBe('ssh-rsa');
    // Named as SHA-512 but made with SHA-256: refused.
    expect(() => parseSessionBind(bindOf(rsa.blob, rsaSig('rsa-sha2-512', 'sha256')))).toThrow(
      SessionBindRefused,
    );
  });

  // Every refusal is a ProtocolError (FAILURE on the wire), never another exception.
  const refusals: [string, () => Buffer][] = [
    ['a signature over another session id', () => bindOf(hostBlob, sig(Buffer.alloc(32, 8)))],
    [
      'a valid signature of another host key (host key not matching)',
      () => bindOf(hostBlob, sig(sessionId, generateKeyPairSync('ed25519').privateKey)),
    ],
    ['a signature algorithm of another key type', () => bindOf(rsa.blob, sig(sessionId))],
    [
      'an ED25519 signature named rsa-sha2-512',
      () => bindOf(hostBlob, sig(sessionId, host.privateKey, 'rsa-sha2-512')),
    ],
    [
      'an unknown host key type (not verifiable here)',
      () => bindOf(new SshWriter().string('ssh-foo@example.org').string(hostBlob).toBuffer(), sig(sessionId)),
    ],
    [
      'a DSA host key (not verifiable here)',
      () =>
        bindOf(
          new SshWriter()
            .string('ssh-dss')
            .mpint(Buffer.from([1]))
            .mpint(Buffer.from([1]))
            .toBuffer(),
          sig(sessionId),
        ),
    ],
    [
      'a certificate host key',
      () => bindOf(new SshWriter().string('ssh-ed25519-cert-v01@openssh.com').toBuffer(), sig(sessionId)),
    ],
    ['a host key of unprintable bytes', () => bindOf(Buffer.from([0, 0, 0, 2, 0x0a, 0x1b]), sig(sessionId))],
    ['an empty host key', () => bindOf(Buffer.alloc(0), sig(sessionId))],
    [
      'an ED25519 host key of the wrong length',
      () =>
        bindOf(new SshWriter().string('ssh-ed25519').string(Buffer.alloc(31, 1)).toBuffer(), sig(sessionId)),
    ],
    [
      'an RSA host key below 1024 bits',
      () => {
        const small = generateKeyPairSync('rsa', { modulusLength: 512 });
        const s = new SshWriter()
          .string('rsa-sha2-256')
          .string(cryptoSign('sha256', sessionId, small.privateKey))
          .toBuffer();
        return bindOf(blobFromKeyObject(small.publicKey), s);
      },
    ],
    ['an empty signature', () => bindOf(hostBlob, Buffer.alloc(0))],
    [
      'a signature with trailing bytes',
      () => bindOf(hostBlob, Buffer.concat([sig(sessionId), Buffer.from([0])])),
    ],
    [
      'an empty session id',
      () => msg.sessionBindContents(hostBlob, Buffer.alloc(0), sig(Buffer.alloc(0)), false),
    ],
    [
      'a session id over 128 bytes',
      () => msg.sessionBindContents(hostBlob, Buffer.alloc(129, 1), sig(Buffer.alloc(129, 1)), false),
    ],
    ['a truncated body', () => bindOf(hostBlob, sig(sessionId)).subarray(0, 40)],
    ['trailing bytes', () => Buffer.concat([bindOf(hostBlob, sig(sessionId)), Buffer.from([1])])],
  ];
  it.each(refusals)('refuses %s', (_name, body) => {
    expect(() => parseSessionBind(body())).toThrow(ProtocolError);
  });
});

describe('userauth requests (what a login signs)', () => {
  const login = (method: string, extra: Buffer[] = []) =>
    Buffer.concat([
      new SshWriter()
        .string(Buffer.alloc(32, 3))
        .byte(50)
        .string('anna')
        .string('ssh-connection')
        .string(method)
        .boolean(true)
        .string('ssh-ed25519')
        .string(Buffer.from('key'))
        .toBuffer(),
      ...extra,
    ]);

  it('reads the session id, and the host key of publickey-hostbound', () => {
    expect(parseUserauthRequest(login('publickey'))).toEqual({
      sessionId: Buffer.alloc(32, 3),
      hostKey: null,
    });
    const hostbound = parseUserauthRequest(
      login('publickey-hostbound-v00@openssh.com', [new SshWriter().string(Buffer.from('hk')).toBuffer()]),
    );
    expect(hostbound?.hostKey?.toString()).toBe('hk');
  });

  it('is null for anything that is not a publickey login', () => {
    expect(parseUserauthRequest(Buffer.from('arbitrary data'))).toBeNull();
    expect(parseUserauthRequest(login('password'))).toBeNull();
    expect(parseUserauthRequest(Buffer.concat([login('publickey'), Buffer.from([0])]))).toBeNull();
    expect(parseUserauthRequest(Buffer.alloc(0))).toBeNull();
  });
});
