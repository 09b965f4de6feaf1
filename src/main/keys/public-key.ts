// Public key helpers: type and size from a wire blob, the SHA256 fingerprint
// as `ssh-keygen -l` prints it, the OpenSSH public line, and conversions
// between wire blobs and node:crypto KeyObjects (only ED25519 and RSA: the
// policy refuses every other type before a KeyObject is ever needed).
import { createHash, createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { PublicKeyInfo } from './types';
import { WireError, WireReader, bitLength, sshMpint, sshString } from './wire';

export interface BlobDescription {
  type: string;
  bits: number;
}

const ECDSA_BITS: Record<string, number> = {
  'ecdsa-sha2-nistp256': 256,
  'ecdsa-sha2-nistp384': 384,
  'ecdsa-sha2-nistp521': 521,
  'sk-ecdsa-sha2-nistp256@openssh.com': 256,
};

/** Type and size of a public key blob; throws WireError when the blob is malformed. */
export function describeBlob(blob: Buffer): BlobDescription {
  const reader = new WireReader(blob);
  const type = reader.name();
  switch (type) {
    case 'ssh-ed25519': {
      if (reader.string().length !== 32) throw new WireError('bad ed25519 key');
      reader.end();
      return { type, bits: 256 };
    }
    case 'ssh-rsa': {
      const e = reader.mpint();
      const n = reader.mpint();
      reader.end();
      if (e.length === 0 || n.length === 0) throw new WireError('bad rsa key');
      return { type, bits: bitLength(n) };
    }
    case 'ssh-dss': {
      const p = reader.mpint();
      reader.mpint();
      reader.mpint();
      reader.mpint();
      reader.end();
      return { type, bits: bitLength(p) };
    }
    default: {
      const ecdsa = ECDSA_BITS[type];
      if (ecdsa !== undefined) return { type, bits: ecdsa };
      // sk-ssh-ed25519, certificates and types we do not know: the policy
      // refuses them by type, so their size is not worth parsing.
      if (type === 'sk-ssh-ed25519@openssh.com') return { type, bits: 256 };
      return { type, bits: 0 };
    }
  }
}

/** `SHA256:<base64 without padding>` over the wire blob, as `ssh-keygen -l -E sha256` prints it. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** OpenSSH public key line: `<type> <base64 blob>[ <comment>]`. */
export function publicKeyLine(info: Pick<PublicKeyInfo, 'type' | 'blob' | 'comment'>): string {
  const base = `${info.type} ${info.blob.toString('base64')}`;
  return info.comment ? `${base} ${info.comment}` : base;
}

export function publicKeyInfo(blob: Buffer, comment: string): PublicKeyInfo {
  const { type, bits } = describeBlob(blob);
  return {
    type,
    bits,
    comment,
    fingerprint: fingerprintOf(blob),
    publicKey: publicKeyLine({ type, blob, comment }),
    blob,
  };
}

/** Parses `<type> <base64>[ comment]`; returns undefined when the line is not a public key line. */
export function parsePublicKeyLine(line: string): PublicKeyInfo | undefined {
  const match = /^(\S+) ([A-Za-z0-9+/]+={0,2})(?: (.*))?$/.exec(line.trim());
  if (!match) return undefined;
  const blob = Buffer.from(match[2]!, 'base64');
  try {
    const info = publicKeyInfo(blob, match[3]?.trim() ?? '');
    return info.type === match[1] ? info : undefined;
  } catch {
    return undefined;
  }
}

function b64url(buf: Buffer): string {
  return buf.toString('base64url');
}

function fromB64url(value: string | undefined): Buffer {
  if (value === undefined) throw new WireError('missing JWK field');
  return Buffer.from(value, 'base64url');
}

/** The SSH wire blob of a KeyObject (private or public): ED25519 and RSA only. */
export function blobFromKeyObject(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = publicKey.export({ format: 'jwk' });
  if (publicKey.asymmetricKeyType === 'ed25519') {
    return Buffer.concat([sshString('ssh-ed25519'), sshString(fromB64url(jwk.x))]);
  }
  if (publicKey.asymmetricKeyType === 'rsa') {
    return Buffer.concat([sshString('ssh-rsa'), sshMpint(fromB64url(jwk.e)), sshMpint(fromB64url(jwk.n))]);
  }
  throw new WireError(`unsupported key type ${publicKey.asymmetricKeyType ?? '?'}`);
}

/** A public KeyObject from an ED25519 or RSA wire blob. */
export function publicKeyObjectFromBlob(blob: Buffer): KeyObject {
  const reader = new WireReader(blob);
  const type = reader.name();
  let jwk: JsonWebKey;
  if (type === 'ssh-ed25519') {
    jwk = { kty: 'OKP', crv: 'Ed25519', x: b64url(reader.string()) };
  } else if (type === 'ssh-rsa') {
    const e = reader.mpint();
    const n = reader.mpint();
    jwk = { kty: 'RSA', e: b64url(e), n: b64url(n) };
  } else {
    throw new WireError(`unsupported key type ${type}`);
  }
  reader.end();
  return createPublicKey({ key: jwk, format: 'jwk' });
}

/** PKCS#8 prefix of an ED25519 private key (RFC 8410): the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function ed25519PrivateKeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new WireError('bad ed25519 seed');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}
