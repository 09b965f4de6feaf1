// Signatures with node:crypto only (never by hand: see the PuTTY P-521 nonce
// bias, CVE-2024-31497). Returns both the raw signature (what ssh2's BaseAgent
// wants) and the SSH signature blob `string alg || string sig` (what
// SIGN_RESPONSE carries).
import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { WireWriter } from '../core/wire';
import { SignFlags } from './protocol/constants';

const signAsync = promisify(cryptoSign) as (
  algorithm: string | null,
  data: Buffer,
  key: KeyObject,
) => Promise<Buffer>;

export type SignatureAlgorithm = 'ssh-ed25519' | 'rsa-sha2-512' | 'rsa-sha2-256' | 'ssh-rsa';

export interface Signature {
  algorithm: SignatureAlgorithm;
  raw: Buffer;
  /** `string algorithm || string signature`, as in SIGN_RESPONSE. */
  blob: Buffer;
}

/**
 * The algorithm a key type signs with for the given flags. As OpenSSH:
 * SHA-512 wins when both RSA flags are set, and SHA-1 (`ssh-rsa`) is used
 * only when the client asked for neither.
 */
function signatureAlgorithmFor(keyType: string, flags: number): SignatureAlgorithm {
  if (keyType === 'ssh-ed25519') return 'ssh-ed25519';
  if (keyType === 'ssh-rsa') {
    if (flags & SignFlags.RSA_SHA2_512) return 'rsa-sha2-512';
    if (flags & SignFlags.RSA_SHA2_256) return 'rsa-sha2-256';
    return 'ssh-rsa';
  }
  throw new Error(`cannot sign with key type ${keyType}`);
}

const HASH: Record<SignatureAlgorithm, string | null> = {
  'ssh-ed25519': null,
  'rsa-sha2-512': 'sha512',
  'rsa-sha2-256': 'sha256',
  'ssh-rsa': 'sha1',
};

export async function signData(
  keyType: string,
  privateKey: KeyObject,
  data: Buffer,
  flags: number,
): Promise<Signature> {
  const algorithm = signatureAlgorithmFor(keyType, flags);
  // ED25519 takes microseconds: sign inline. RSA-4096 takes milliseconds:
  // use the thread pool so the main process (and the UI it serves) keeps going.
  const raw =
    algorithm === 'ssh-ed25519'
      ? cryptoSign(null, data, privateKey)
      : await signAsync(HASH[algorithm], data, privateKey);
  return { algorithm, raw, blob: new WireWriter().string(algorithm).string(raw).toBuffer() };
}
