// Private key components, as key files and the agent protocol carry them, to
// node:crypto KeyObjects. Shared by the .ppk reader and the agent's
// ADD_IDENTITY; each caller checks its own format's rules first (these
// functions only build the key, node:crypto refuses what it cannot use).
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { WireError } from '../core/wire';

/** PKCS#8 prefix of an ED25519 private key (RFC 8410): the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function ed25519PrivateKeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new WireError('bad ed25519 seed');
  const der = Buffer.concat([ED25519_PKCS8_PREFIX, seed]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0); // our copy of the seed
  }
}

/** An unsigned big-endian magnitude (as read from an mpint) as a bigint. */
export function bigIntFromMagnitude(magnitude: Buffer): bigint {
  return magnitude.length === 0 ? 0n : BigInt(`0x${magnitude.toString('hex')}`);
}

function toB64url(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}

export interface RsaPrivateComponents {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
  /** q^-1 mod p: PuTTY's and the agent protocol's iqmp, JWK's qi. */
  iqmp: bigint;
}

/** Callers must have checked p, q > 1 (the CRT exponents divide by p-1 and q-1). */
export function rsaPrivateKeyFromComponents({ n, e, d, p, q, iqmp }: RsaPrivateComponents): KeyObject {
  // Neither .ppk nor ADD_IDENTITY carries the CRT exponents JWK needs:
  // dp = d mod (p-1), dq = d mod (q-1).
  return createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'RSA',
      n: toB64url(n),
      e: toB64url(e),
      d: toB64url(d),
      p: toB64url(p),
      q: toB64url(q),
      dp: toB64url(d % (p - 1n)),
      dq: toB64url(d % (q - 1n)),
      qi: toB64url(iqmp),
    },
  });
}
