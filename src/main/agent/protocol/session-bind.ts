// session-bind@openssh.com (OpenSSH PROTOCOL.agent §1): after key exchange,
// ssh tells the agent which server host key the session belongs to and proves
// it with the server's signature over the session id. We remember the host
// key per connection so confirm prompts can name the destination, and verify
// the signature where node:crypto can do it cheaply (ed25519, RSA, ECDSA).
import { verify, type KeyObject } from 'node:crypto';
import { describeBlob, fingerprintOf, publicKeyObjectFromBlob } from '../../keys/public-key';
import { WireReader } from '../../core/wire';
import { ProtocolError } from './protocol-error';

export interface SessionBind {
  hostKey: Buffer;
  hostKeyType: string;
  hostKeyFingerprint: string;
  sessionId: Buffer;
  signature: Buffer;
  forwarding: boolean;
  /** true: verified; false: checked and wrong; null: not checkable here. */
  verified: boolean | null;
}

export function parseSessionBind(body: Buffer): SessionBind {
  const reader = new WireReader(body);
  const hostKey = Buffer.from(reader.string());
  const sessionId = Buffer.from(reader.string());
  const signature = Buffer.from(reader.string());
  const forwarding = reader.boolean();
  reader.end();
  if (sessionId.length === 0 || sessionId.length > 128) throw new ProtocolError('bad session id');
  const hostKeyType = hostKeyTypeOf(hostKey);
  return {
    hostKey,
    hostKeyType,
    hostKeyFingerprint: fingerprintOf(hostKey),
    sessionId,
    signature,
    forwarding,
    verified: verifySessionBind(hostKey, sessionId, signature),
  };
}

const RSA_HASH: Record<string, string> = {
  'rsa-sha2-512': 'sha512',
  'rsa-sha2-256': 'sha256',
  'ssh-rsa': 'sha1',
};
const ECDSA_HASH: Record<string, string> = {
  'ecdsa-sha2-nistp256': 'sha256',
  'ecdsa-sha2-nistp384': 'sha384',
  'ecdsa-sha2-nistp521': 'sha512',
};

/** The host key's type for prompts; a garbled host key is named, not refused. */
function hostKeyTypeOf(hostKey: Buffer): string {
  try {
    return describeBlob(hostKey).type;
  } catch {
    try {
      return new WireReader(hostKey).text();
    } catch {
      return 'unknown';
    }
  }
}

/** A verifying key, or null when node:crypto cannot check this host key type (or the blob is garbled). */
function verifyingKeyOf(hostKey: Buffer): KeyObject | null {
  try {
    return publicKeyObjectFromBlob(hostKey);
  } catch {
    return null;
  }
}

function verifySessionBind(hostKey: Buffer, sessionId: Buffer, signatureBlob: Buffer): boolean | null {
  const key = verifyingKeyOf(hostKey);
  if (!key) return null;
  try {
    const reader = new WireReader(signatureBlob);
    const algorithm = reader.text();
    const sig = reader.string();
    reader.end();
    if (algorithm === 'ssh-ed25519') return verify(null, sessionId, key, sig);
    const rsaHash = RSA_HASH[algorithm];
    if (rsaHash) return key.asymmetricKeyType === 'rsa' && verify(rsaHash, sessionId, key, sig);
    const ecHash = ECDSA_HASH[algorithm];
    if (ecHash) {
      // SSH encodes ECDSA signatures as mpint r || mpint s: node takes that
      // layout as 'ieee-p1363' once both are padded to the curve size.
      const inner = new WireReader(sig);
      const r = inner.mpintUnsigned();
      const s = inner.mpintUnsigned();
      const size = { sha256: 32, sha384: 48, sha512: 66 }[ecHash as 'sha256' | 'sha384' | 'sha512'];
      if (r.length > size || s.length > size) return false;
      const p1363 = Buffer.concat([Buffer.alloc(size - r.length), r, Buffer.alloc(size - s.length), s]);
      return verify(ecHash, sessionId, { key, dsaEncoding: 'ieee-p1363' }, p1363);
    }
    return false;
  } catch {
    return false;
  }
}
