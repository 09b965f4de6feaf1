// session-bind@openssh.com (OpenSSH PROTOCOL.agent §1): after key exchange,
// ssh tells the agent which server host key the session belongs to and proves
// it with the server's signature over the session id. As OpenSSH's ssh-agent
// (process_ext_session_bind), a bind is kept only when that signature
// verifies: an unknown key type, a garbled key, a signature of another
// algorithm or key, or a bad one is refused. So a binding always names a host
// key that really signed the session, and no client-chosen text is kept.
import { verify, type KeyObject } from 'node:crypto';
import { bitLength, WireReader } from '../../core/wire';
import { fingerprintOf, publicKeyObjectFromBlob } from '../../keys/public-key';
import { isCryptoRejection, isMalformedInput, ProtocolError } from './protocol-error';

export class SessionBindRefused extends ProtocolError {
  override name = 'SessionBindRefused';
}

/** Host key types node:crypto verifies: the ones OpenSSH's sshd offers by default. */
export type HostKeyType =
  'ssh-ed25519' | 'ssh-rsa' | 'ecdsa-sha2-nistp256' | 'ecdsa-sha2-nistp384' | 'ecdsa-sha2-nistp521';

export interface SessionBind {
  hostKey: Buffer;
  hostKeyType: HostKeyType;
  hostKeyFingerprint: string;
  sessionId: Buffer;
  forwarding: boolean;
}

/** OpenSSH's AGENT_MAX_SID_LEN. */
const MAX_SESSION_ID = 128;
/** OpenSSH refuses smaller RSA keys (SSH_RSA_MINIMUM_MODULUS_SIZE). */
const MIN_RSA_BITS = 1024;

/** Signature algorithms per host key type, and the hash each implies (sshkey_verify's pairs). */
const SIGNATURES: Record<HostKeyType, Record<string, string | null>> = {
  'ssh-ed25519': { 'ssh-ed25519': null },
  'ssh-rsa': { 'rsa-sha2-512': 'sha512', 'rsa-sha2-256': 'sha256', 'ssh-rsa': 'sha1' },
  'ecdsa-sha2-nistp256': { 'ecdsa-sha2-nistp256': 'sha256' },
  'ecdsa-sha2-nistp384': { 'ecdsa-sha2-nistp384': 'sha384' },
  'ecdsa-sha2-nistp521': { 'ecdsa-sha2-nistp521': 'sha512' },
};
const ECDSA_SIZE: Record<string, number> = { sha256: 32, sha384: 48, sha512: 66 };

/** A verified binding; throws ProtocolError (SessionBindRefused) for anything else. */
export function parseSessionBind(body: Buffer): SessionBind {
  try {
    return readSessionBind(body);
  } catch (error) {
    if (error instanceof ProtocolError || !isMalformedInput(error)) throw error;
    // A short read or trailing bytes: malformed, refused as OpenSSH's "parse" error.
    throw new SessionBindRefused(`malformed session-bind: ${error.message}`);
  }
}

function readSessionBind(body: Buffer): SessionBind {
  const reader = new WireReader(body);
  const hostKey = Buffer.from(reader.string());
  const sessionId = Buffer.from(reader.string());
  const signature = reader.string();
  const forwarding = reader.boolean();
  reader.end();
  if (sessionId.length === 0 || sessionId.length > MAX_SESSION_ID) throw new ProtocolError('bad session id');
  const { type, key } = hostKeyOf(hostKey);
  if (!signatureVerifies(type, key, sessionId, signature)) {
    throw new SessionBindRefused('host key signature does not verify');
  }
  return { hostKey, hostKeyType: type, hostKeyFingerprint: fingerprintOf(hostKey), sessionId, forwarding };
}

function hostKeyOf(hostKey: Buffer): { type: HostKeyType; key: KeyObject } {
  let type: string;
  try {
    type = new WireReader(hostKey).name();
  } catch {
    throw new SessionBindRefused('unreadable host key');
  }
  if (!Object.hasOwn(SIGNATURES, type)) throw new SessionBindRefused('host key type not verifiable');
  let key: KeyObject;
  try {
    key = publicKeyObjectFromBlob(hostKey);
  } catch (error) {
    if (isMalformedInput(error) || isCryptoRejection(error)) throw new SessionBindRefused('bad host key');
    throw error;
  }
  if (type === 'ssh-rsa') {
    const n = Buffer.from(key.export({ format: 'jwk' }).n ?? '', 'base64url');
    if (bitLength(n) < MIN_RSA_BITS) throw new SessionBindRefused('RSA host key too small');
  }
  return { type: type as HostKeyType, key };
}

function signatureVerifies(type: HostKeyType, key: KeyObject, sessionId: Buffer, blob: Buffer): boolean {
  try {
    return checkSignature(type, key, sessionId, blob);
  } catch (error) {
    // OpenSSL refusing the numbers is a bad signature; our own TypeError is not.
    if (isCryptoRejection(error)) return false;
    throw error;
  }
}

function checkSignature(type: HostKeyType, key: KeyObject, sessionId: Buffer, blob: Buffer): boolean {
  const reader = new WireReader(blob);
  const algorithm = reader.text();
  const sig = reader.string();
  reader.end();
  // The algorithm must belong to the host key's type, as sshkey_verify demands.
  if (!Object.hasOwn(SIGNATURES[type], algorithm)) return false;
  const hash = SIGNATURES[type][algorithm] ?? null;
  if (type === 'ssh-ed25519' || type === 'ssh-rsa') return verify(hash, sessionId, key, sig);
  // SSH encodes ECDSA signatures as mpint r || mpint s: node takes that
  // layout as 'ieee-p1363' once both are padded to the curve size.
  const inner = new WireReader(sig);
  const r = inner.mpintUnsigned();
  const s = inner.mpintUnsigned();
  inner.end();
  const size = ECDSA_SIZE[hash ?? '']!;
  if (r.length > size || s.length > size) return false;
  const p1363 = Buffer.concat([Buffer.alloc(size - r.length), r, Buffer.alloc(size - s.length), s]);
  return verify(hash, sessionId, { key, dsaEncoding: 'ieee-p1363' }, p1363);
}
