// What the rest of the app knows of a key. Private material lives only in
// `LoadedPrivateKey.privateKey` (a Node KeyObject, used with node:crypto to
// sign) and only in the main process.
import type { KeyObject } from 'node:crypto';
import type { KeyInfo } from '../../shared/contract/keys';

/** The contract's key info plus the blob, which stays in main. */
export interface PublicKeyInfo extends KeyInfo {
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
