// The private key part of ADD_IDENTITY (OpenSSH PROTOCOL.agent §3.2):
//   ssh-ed25519: string ENC(A) (32), string k||ENC(A) (64)
//   ssh-rsa:     mpint n, e, d, iqmp, p, q
// followed by string comment. Keys become node:crypto KeyObjects via JWK;
// the input buffers are the caller's to wipe. Other types are recognised
// only far enough to describe them in a refusal.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { LoadedPrivateKey } from '../../keys/types';
import { bitLength, fingerprintOf, publicKeyLine } from '../public-key';
import { ProtocolError, SshReader, SshWriter } from './wire';

export type ParsedKeyMaterial =
  | { kind: 'key'; key: LoadedPrivateKey }
  /** A type we do not load (ECDSA, DSA, certificates, FIDO): described, not parsed. */
  | { kind: 'unsupported'; type: string; bits: number; comment: string };

const CURVE_BITS: Record<string, number> = { nistp256: 256, nistp384: 384, nistp521: 521 };

function toBigInt(magnitude: Buffer): bigint {
  return magnitude.length === 0 ? 0n : BigInt(`0x${magnitude.toString('hex')}`);
}

function toB64u(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}

function readEd25519(reader: SshReader): LoadedPrivateKey {
  const pub = reader.string();
  const secret = reader.string();
  const comment = reader.text();
  if (pub.length !== 32 || secret.length !== 64) throw new ProtocolError('bad ed25519 key lengths');
  if (!secret.subarray(32).equals(pub)) throw new ProtocolError('ed25519 public part mismatch');
  const privateKey = createPrivateKey({
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      d: secret.subarray(0, 32).toString('base64url'),
      x: pub.toString('base64url'),
    },
    format: 'jwk',
  });
  // Node does not check that x belongs to d; a key that would sign under a
  // different public key than it claims must not load.
  const derived = createPublicKey(privateKey).export({ format: 'jwk' }).x;
  if (derived !== pub.toString('base64url')) throw new ProtocolError('ed25519 public key does not match');
  const blob = new SshWriter().string('ssh-ed25519').string(pub).toBuffer();
  return finish('ssh-ed25519', 256, blob, comment, privateKey);
}

function readRsa(reader: SshReader): LoadedPrivateKey {
  const nBuf = reader.mpintUnsigned();
  const eBuf = reader.mpintUnsigned();
  const [n, e, d, iqmp, p, q] = [
    nBuf,
    eBuf,
    reader.mpintUnsigned(),
    reader.mpintUnsigned(),
    reader.mpintUnsigned(),
    reader.mpintUnsigned(),
  ].map(toBigInt) as [bigint, bigint, bigint, bigint, bigint, bigint];
  const comment = reader.text();
  if (p < 3n || q < 3n || e < 3n || d < 1n || p * q !== n) throw new ProtocolError('inconsistent RSA key');
  // ADD_IDENTITY omits the CRT exponents JWK needs: dp = d mod (p-1), dq = d mod (q-1).
  const privateKey = createPrivateKey({
    key: {
      kty: 'RSA',
      n: toB64u(n),
      e: toB64u(e),
      d: toB64u(d),
      p: toB64u(p),
      q: toB64u(q),
      dp: toB64u(d % (p - 1n)),
      dq: toB64u(d % (q - 1n)),
      qi: toB64u(iqmp),
    },
    format: 'jwk',
  });
  const blob = new SshWriter().string('ssh-rsa').mpint(eBuf).mpint(nBuf).toBuffer();
  return finish('ssh-rsa', bitLength(nBuf), blob, comment, privateKey);
}

function finish(
  type: string,
  bits: number,
  blob: Buffer,
  comment: string,
  privateKey: LoadedPrivateKey['privateKey'],
): LoadedPrivateKey {
  return {
    type,
    bits,
    comment,
    fingerprint: fingerprintOf(blob),
    publicKey: publicKeyLine(type, blob, comment),
    blob,
    privateKey,
  };
}

/**
 * Best-effort size and comment of a key we refuse, so the refusal can name
 * it ("ECDSA key anna@firma.de"). The private fields are skipped, never kept.
 */
function describeUnsupported(type: string, reader: SshReader): { bits: number; comment: string } {
  let bits = 0;
  try {
    if (type === 'ssh-dss') {
      // mpint p, q, g, y, x, string comment
      bits = bitLength(reader.mpintUnsigned());
      for (let i = 0; i < 4; i++) reader.string();
      return { bits, comment: reader.text() };
    }
    const curve = /^ecdsa-sha2-(nistp\d+)$/.exec(type)?.[1];
    if (curve) {
      // string curve, string Q, mpint d, string comment
      bits = CURVE_BITS[curve] ?? 0;
      reader.string();
      reader.string();
      reader.string();
      return { bits, comment: reader.text() };
    }
    if (type.startsWith('ssh-ed25519')) bits = 256;
  } catch {
    // Garbled or unknown layout: the type alone is enough to refuse.
  }
  return { bits, comment: '' };
}

/**
 * Reads key type, key material and comment. Constraints may follow; the
 * reader is left positioned after the comment for supported keys. For an
 * unsupported type the rest of the message cannot be parsed (we do not know
 * its layout), so the message is refused as a whole.
 */
export function readKeyMaterial(reader: SshReader): ParsedKeyMaterial {
  const type = reader.text();
  try {
    if (type === 'ssh-ed25519') return { kind: 'key', key: readEd25519(reader) };
    if (type === 'ssh-rsa') return { kind: 'key', key: readRsa(reader) };
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    // node:crypto refused the numbers: malformed, not a crash.
    throw new ProtocolError(`key rejected by crypto: ${(error as Error).message}`);
  }
  return { kind: 'unsupported', type, ...describeUnsupported(type, reader) };
}
