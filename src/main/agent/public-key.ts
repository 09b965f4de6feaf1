// The agent's view of public keys. The key capability owns the one
// implementation (keys/public-key.ts); the agent re-exports what its API
// promises and adds type and size to the blob, which its callers want together.
import type { KeyObject } from 'node:crypto';
import { blobFromKeyObject as wireBlobFromKeyObject, describeBlob } from '../keys/public-key';

export { fingerprintOf } from '../keys/public-key';

export interface BlobInfo {
  type: string;
  bits: number;
  blob: Buffer;
}

/** The SSH public key blob of an ED25519 or RSA key (public or private KeyObject), with its type and size. */
export function blobFromKeyObject(key: KeyObject): BlobInfo {
  const blob = wireBlobFromKeyObject(key);
  return { ...describeBlob(blob), blob };
}
