// Does a decoded private key belong to the public key stored beside it in the
// file? Neither OpenSSH's format nor ssh2's parser checks this, and it is how a
// damaged private part is told apart from a good one after decryption.
import { sign, verify, type KeyObject } from 'node:crypto';
import { blobFromKeyObject, publicKeyObjectFromBlob } from './public-key';

const PROBE = Buffer.from('fernwartung key consistency probe');

export function privateKeyMatchesBlob(privateKey: KeyObject, blob: Buffer): boolean {
  try {
    if (!blobFromKeyObject(privateKey).equals(blob)) return false;
    // The public half derived above comes from the same (possibly damaged)
    // private structure; a signature checked against the stored public blob
    // proves the secret part is right too (e.g. RSA d, p, q).
    const algorithm = privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256';
    const signature = sign(algorithm, PROBE, privateKey);
    return verify(algorithm, PROBE, publicKeyObjectFromBlob(blob), signature);
  } catch {
    return false;
  }
}
