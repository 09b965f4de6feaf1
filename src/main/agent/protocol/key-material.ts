// The private key part of ADD_IDENTITY (OpenSSH PROTOCOL.agent §3.2):
//   ssh-ed25519: string ENC(A) (32), string k||ENC(A) (64)
//   ssh-rsa:     mpint n, e, d, iqmp, p, q
// followed by string comment. Keys become node:crypto KeyObjects through the
// key capability (keys/private-key.ts, shared with .ppk import); the input
// buffers are the caller's to wipe. Other types are recognised
// only far enough to describe them in a refusal.
import { createPublicKey } from 'node:crypto';
import {
  bigIntFromMagnitude,
  ed25519PrivateKeyFromSeed,
  rsaPrivateKeyFromComponents,
} from '../../keys/private-key';
import { blobFromKeyObject, publicKeyInfo } from '../../keys/public-key';
import type { LoadedPrivateKey } from '../../keys/types';
import { bitLength, type WireReader } from '../../core/wire';
import { isCryptoRejection, isMalformedInput, ProtocolError } from './protocol-error';

export type ParsedKeyMaterial =
  | { kind: 'key'; key: LoadedPrivateKey }
  /** A type we do not load (ECDSA, DSA, certificates, FIDO): described, not parsed. */
  | { kind: 'unsupported'; type: string; bits: number; comment: string };

const CURVE_BITS: Record<string, number> = { nistp256: 256, nistp384: 384, nistp521: 521 };

function readEd25519(reader: WireReader): LoadedPrivateKey {
  const pub = reader.string();
  const secret = reader.string();
  const comment = reader.text();
  if (pub.length !== 32 || secret.length !== 64) throw new ProtocolError('bad ed25519 key lengths');
  if (!secret.subarray(32).equals(pub)) throw new ProtocolError('ed25519 public part mismatch');
  const privateKey = ed25519PrivateKeyFromSeed(secret.subarray(0, 32));
  // The message carries the public key beside the seed; a key that would sign
  // under a different public key than it claims must not load.
  const derived = createPublicKey(privateKey).export({ format: 'jwk' }).x;
  if (derived !== pub.toString('base64url')) throw new ProtocolError('ed25519 public key does not match');
  return loaded(privateKey, comment);
}

function readRsa(reader: WireReader): LoadedPrivateKey {
  const [n, e, d, iqmp, p, q] = Array.from({ length: 6 }, () =>
    bigIntFromMagnitude(reader.mpintUnsigned()),
  ) as [bigint, bigint, bigint, bigint, bigint, bigint];
  const comment = reader.text();
  if (p < 3n || q < 3n || e < 3n || d < 1n || p * q !== n) throw new ProtocolError('inconsistent RSA key');
  return loaded(rsaPrivateKeyFromComponents({ n, e, d, p, q, iqmp }), comment);
}

function loaded(privateKey: LoadedPrivateKey['privateKey'], comment: string): LoadedPrivateKey {
  return { ...publicKeyInfo(blobFromKeyObject(privateKey), comment), privateKey };
}

/**
 * Best-effort size and comment of a key we refuse, so the refusal can name
 * it ("ECDSA key anna@firma.de"). The private fields are skipped, never kept.
 */
function describeUnsupported(type: string, reader: WireReader): { bits: number; comment: string } {
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
  } catch (error) {
    // Garbled or unknown layout: the type alone is enough to refuse.
    if (!isMalformedInput(error)) throw error;
  }
  return { bits, comment: '' };
}

/**
 * Reads key type, key material and comment. Constraints may follow; the
 * reader is left positioned after the comment for supported keys. For an
 * unsupported type the rest of the message cannot be parsed (we do not know
 * its layout), so the message is refused as a whole.
 */
export function readKeyMaterial(reader: WireReader): ParsedKeyMaterial {
  const type = reader.text();
  try {
    if (type === 'ssh-ed25519') return { kind: 'key', key: readEd25519(reader) };
    if (type === 'ssh-rsa') return { kind: 'key', key: readRsa(reader) };
  } catch (error) {
    // node:crypto refused the numbers: malformed, not a crash. Anything else is ours.
    if (isCryptoRejection(error))
      throw new ProtocolError(`key rejected by crypto: ${(error as Error).message}`);
    throw error;
  }
  return { kind: 'unsupported', type, ...describeUnsupported(type, reader) };
}
