// Public key helpers shared by the store, the codec and the ssh2 adapter:
// wire blob from a node:crypto KeyObject and back, fingerprints as
// `ssh-keygen -l` prints them, and a best-effort type/size description of
// any blob (for refusals and session-bind host keys).
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { SshReader, SshWriter } from './protocol/wire';

export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

export function publicKeyLine(type: string, blob: Buffer, comment: string): string {
  const line = `${type} ${blob.toString('base64')}`;
  return comment ? `${line} ${comment}` : line;
}

function b64u(value: string | undefined, what: string): Buffer {
  if (!value) throw new Error(`key lacks ${what}`);
  return Buffer.from(value, 'base64url');
}

export interface BlobInfo {
  type: string;
  bits: number;
  blob: Buffer;
}

/** The SSH public key blob of an ED25519 or RSA key (public or private KeyObject). */
export function blobFromKeyObject(key: KeyObject): BlobInfo {
  const jwk = key.export({ format: 'jwk' });
  if (key.asymmetricKeyType === 'ed25519') {
    const pub = b64u(jwk.x, 'x');
    return {
      type: 'ssh-ed25519',
      bits: 256,
      blob: new SshWriter().string('ssh-ed25519').string(pub).toBuffer(),
    };
  }
  if (key.asymmetricKeyType === 'rsa') {
    const n = b64u(jwk.n, 'n');
    const e = b64u(jwk.e, 'e');
    const bits = key.asymmetricKeyDetails?.modulusLength ?? bitLength(n);
    return { type: 'ssh-rsa', bits, blob: new SshWriter().string('ssh-rsa').mpint(e).mpint(n).toBuffer() };
  }
  throw new Error(`unsupported key type ${key.asymmetricKeyType ?? 'unknown'}`);
}

export function bitLength(magnitude: Buffer): number {
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  if (start === magnitude.length) return 0;
  return (magnitude.length - start - 1) * 8 + (32 - Math.clz32(magnitude[start]!));
}

const CURVE_BITS: Record<string, number> = { nistp256: 256, nistp384: 384, nistp521: 521 };

/**
 * Type and size of any public blob, without trusting it: used to describe
 * what was refused. Unknown or garbled blobs give bits 0.
 */
export function describeBlob(blob: Buffer): { type: string; bits: number } {
  const reader = new SshReader(blob);
  let type = 'unknown';
  try {
    type = reader.text();
    if (type === 'ssh-ed25519') return { type, bits: 256 };
    if (type === 'ssh-rsa') {
      reader.mpintUnsigned();
      return { type, bits: bitLength(reader.mpintUnsigned()) };
    }
    if (type === 'ssh-dss') return { type, bits: bitLength(reader.mpintUnsigned()) };
    const curve = /^ecdsa-sha2-(nistp\d+)$/.exec(type)?.[1];
    if (curve) return { type, bits: CURVE_BITS[curve] ?? 0 };
  } catch {
    // Garbled blob: report what we have.
  }
  return { type, bits: 0 };
}

const EC_CURVES: Record<string, string> = { nistp256: 'P-256', nistp384: 'P-384', nistp521: 'P-521' };

/**
 * A verifying KeyObject for a host key blob (ed25519, RSA, ECDSA), or null
 * when the type is not one node:crypto verifies. Used for session-bind.
 */
export function keyObjectFromBlob(blob: Buffer): KeyObject | null {
  try {
    const reader = new SshReader(blob);
    const type = reader.text();
    if (type === 'ssh-ed25519') {
      const x = reader.string();
      reader.end();
      if (x.length !== 32) return null;
      return createPublicKey({
        key: { kty: 'OKP', crv: 'Ed25519', x: x.toString('base64url') },
        format: 'jwk',
      });
    }
    if (type === 'ssh-rsa') {
      const e = reader.mpintUnsigned();
      const n = reader.mpintUnsigned();
      reader.end();
      return createPublicKey({
        key: { kty: 'RSA', n: n.toString('base64url'), e: e.toString('base64url') },
        format: 'jwk',
      });
    }
    const curve = /^ecdsa-sha2-(nistp\d+)$/.exec(type)?.[1];
    if (curve && EC_CURVES[curve]) {
      if (reader.text() !== curve) return null;
      const point = reader.string();
      reader.end();
      const size = (point.length - 1) / 2;
      if (point[0] !== 4 || !Number.isInteger(size)) return null;
      return createPublicKey({
        key: {
          kty: 'EC',
          crv: EC_CURVES[curve],
          x: point.subarray(1, 1 + size).toString('base64url'),
          y: point.subarray(1 + size).toString('base64url'),
        },
        format: 'jwk',
      });
    }
  } catch {
    return null;
  }
  return null;
}
