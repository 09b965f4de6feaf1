// Public key helpers: type and size from a wire blob, the SHA256 fingerprint
// as `ssh-keygen -l` prints it, the OpenSSH public line, and conversions
// between wire blobs and node:crypto KeyObjects. Shared with the agent, which
// uses them for identities, refusals and session-bind host keys.
import { createHash, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { PublicKeyInfo } from './types';
import { WireError, WireReader, WireWriter, bitLength } from '../core/wire';

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
      const e = reader.mpintUnsigned();
      const n = reader.mpintUnsigned();
      reader.end();
      if (e.length === 0 || n.length === 0) throw new WireError('bad rsa key');
      return { type, bits: bitLength(n) };
    }
    case 'ssh-dss': {
      const p = reader.mpintUnsigned();
      reader.mpintUnsigned();
      reader.mpintUnsigned();
      reader.mpintUnsigned();
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

/** A JWK field (base64url) as bytes; throws WireError when the field is missing. */
export function fromB64url(value: string | undefined): Buffer {
  if (value === undefined) throw new WireError('missing JWK field');
  return Buffer.from(value, 'base64url');
}

/** The SSH wire blob of a KeyObject (private or public): ED25519 and RSA only. */
export function blobFromKeyObject(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = publicKey.export({ format: 'jwk' });
  if (publicKey.asymmetricKeyType === 'ed25519') {
    return new WireWriter().string('ssh-ed25519').string(fromB64url(jwk.x)).toBuffer();
  }
  if (publicKey.asymmetricKeyType === 'rsa') {
    return new WireWriter().string('ssh-rsa').mpint(fromB64url(jwk.e)).mpint(fromB64url(jwk.n)).toBuffer();
  }
  throw new WireError(`unsupported key type ${publicKey.asymmetricKeyType ?? '?'}`);
}

const EC_CURVES: Record<string, string> = { nistp256: 'P-256', nistp384: 'P-384', nistp521: 'P-521' };

/**
 * A public KeyObject from an ED25519, RSA or ECDSA (NIST curves) wire blob;
 * throws on anything else. Key files only ever bring ED25519 and RSA here (the
 * policy refuses the rest first); ECDSA is for the agent's session-bind host keys.
 */
export function publicKeyObjectFromBlob(blob: Buffer): KeyObject {
  const reader = new WireReader(blob);
  const type = reader.name();
  let jwk: JsonWebKey;
  const curve = /^ecdsa-sha2-(nistp\d+)$/.exec(type)?.[1];
  if (type === 'ssh-ed25519') {
    jwk = { kty: 'OKP', crv: 'Ed25519', x: b64url(reader.string()) };
  } else if (type === 'ssh-rsa') {
    const e = reader.mpintUnsigned();
    const n = reader.mpintUnsigned();
    jwk = { kty: 'RSA', e: b64url(e), n: b64url(n) };
  } else if (curve && EC_CURVES[curve]) {
    if (reader.name() !== curve) throw new WireError('ecdsa curve mismatch');
    // Uncompressed point: 0x04 || x || y.
    const point = reader.string();
    const size = (point.length - 1) / 2;
    if (point[0] !== 4 || !Number.isInteger(size)) throw new WireError('bad ecdsa point');
    jwk = {
      kty: 'EC',
      crv: EC_CURVES[curve],
      x: b64url(point.subarray(1, 1 + size)),
      y: b64url(point.subarray(1 + size)),
    };
  } else {
    throw new WireError(`unsupported key type ${type}`);
  }
  reader.end();
  return createPublicKey({ key: jwk, format: 'jwk' });
}
