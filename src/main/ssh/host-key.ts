// What we know about a server's public host key, derived from the wire blob
// ssh2 hands to the host verifier.
import { fingerprintOf } from '../keys/public-key';
import { WireReader } from '../core/wire';

export interface HostKey {
  /** Wire type name from the blob: `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, ... */
  keyType: string;
  /** The blob in base64, as in an OpenSSH known_hosts line. */
  keyBase64: string;
  /** `SHA256:<base64 without padding>`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
}

/** Reads the key type (the first SSH string) from a public key blob. */
export function hostKeyFromBlob(blob: Buffer): HostKey {
  // Why not trust ssh2's negotiated name: for RSA it says rsa-sha2-512 while
  // the key itself is ssh-rsa; known_hosts stores the key's own type.
  // name() throws WireError on a short, lying or non-printable type string.
  const keyType = new WireReader(blob).name();
  if (keyType === '') throw new Error('host key blob malformed');
  return { keyType, keyBase64: blob.toString('base64'), fingerprint: fingerprintOf(blob) };
}

/** Parses an OpenSSH public key line (`ssh-ed25519 AAAA... comment`). */
export function hostKeyFromOpenSshLine(line: string): HostKey {
  const parts = line.trim().split(/\s+/);
  const base64 = parts[1];
  if (!base64) throw new Error('not an OpenSSH public key line');
  const key = hostKeyFromBlob(Buffer.from(base64, 'base64'));
  if (key.keyType !== parts[0]) throw new Error('key type in the line does not match the blob');
  return key;
}
