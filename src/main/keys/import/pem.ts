// PEM private keys (PKCS#1, PKCS#8, SEC1, DSA; encrypted too), read by
// OpenSSL in the key worker since encrypted PKCS#8 runs PBKDF2/scrypt. PEM
// carries no public part, so the policy applies after decryption.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { assertKeyPolicy } from '../policy';
import { runKeyJob } from '../worker/pool';

const EC_CURVES: Record<string, { type: string; bits: number }> = {
  prime256v1: { type: 'ecdsa-sha2-nistp256', bits: 256 },
  secp384r1: { type: 'ecdsa-sha2-nistp384', bits: 384 },
  secp521r1: { type: 'ecdsa-sha2-nistp521', bits: 521 },
};

/** The SSH name and size of a KeyObject of any type (for the policy's message). */
function describeKeyObject(key: KeyObject): { type: string; bits: number } {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return { type: 'ssh-ed25519', bits: 256 };
    case 'rsa':
      return { type: 'ssh-rsa', bits: details.modulusLength ?? 0 };
    case 'dsa':
      return { type: 'ssh-dss', bits: details.modulusLength ?? 0 };
    case 'ec':
      return (
        EC_CURVES[details.namedCurve ?? ''] ?? { type: `ecdsa-${details.namedCurve ?? 'unknown'}`, bits: 0 }
      );
    default:
      return { type: key.asymmetricKeyType ?? 'unknown', bits: details.modulusLength ?? 0 };
  }
}

/** Encrypted PKCS#8, or legacy OpenSSL encryption (Proc-Type header). */
function pemIsEncrypted(text: string): boolean {
  return /-----BEGIN ENCRYPTED PRIVATE KEY-----|^Proc-Type: 4,ENCRYPTED/m.test(text);
}

export async function unlockPem(text: string, passphrase: string | undefined): Promise<KeyObject> {
  // OpenSSL reports a missing passphrase as "interrupted or cancelled": decide it here.
  if (pemIsEncrypted(text) && !passphrase) throw new AppError('keys.passphraseRequired');
  const { pkcs8 } = await runKeyJob({ kind: 'pem', text, passphrase: passphrase || undefined });
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  assertKeyPolicy(describeKeyObject(privateKey));
  return privateKey;
}
