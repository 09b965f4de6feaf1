// What the rest of the app knows of a key. Private material lives only in
// `LoadedPrivateKey.privateKey` (a Node KeyObject, used with node:crypto to
// sign) and only in the main process.
import type { KeyObject } from 'node:crypto';

export interface PublicKeyInfo {
  /** Wire type name: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`, `ssh-dss`, ... */
  type: string;
  /** Key size in bits (RSA modulus, 256 for ED25519, curve size for ECDSA). */
  bits: number;
  comment: string;
  /** `SHA256:<base64 without padding>`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
  /** OpenSSH public key line: `<type> <base64 blob>[ <comment>]` (no comment part when the comment is empty). */
  publicKey: string;
  /** The public key blob in SSH wire format. */
  blob: Buffer;
}

export interface LoadedPrivateKey extends PublicKeyInfo {
  privateKey: KeyObject;
}

export interface ImportOptions {
  passphrase?: string;
  /** For messages: where the key came from (file name). */
  source?: string;
}
