// Host key blobs in SSH wire format, for tests that need no real server.
import { createHash } from 'node:crypto';

function sshString(data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

/** A well-formed ed25519-shaped blob whose 32 key bytes derive from `seed`. */
export function fakeHostKeyBlob(seed: string, keyType = 'ssh-ed25519'): Buffer {
  const keyBytes = createHash('sha256').update(seed).digest();
  return Buffer.concat([sshString(Buffer.from(keyType)), sshString(keyBytes)]);
}
