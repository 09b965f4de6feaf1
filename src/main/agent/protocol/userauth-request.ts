// What ssh asks the agent to sign when it logs in (RFC 4252 §7): string
// session id, byte SSH_MSG_USERAUTH_REQUEST, user, service, "publickey",
// TRUE, algorithm, key, and with OpenSSH's publickey-hostbound-v00 the
// server's host key. The session id (and that host key) tie a signature to a
// session-bind: a binding names the destination only for a signature of the
// session it bound, as OpenSSH's ssh-agent checks for restricted keys.
import { WireReader } from '../../core/wire';
import { isMalformedInput } from './protocol-error';

const USERAUTH_REQUEST = 50;
const HOSTBOUND = 'publickey-hostbound-v00@openssh.com';

export interface SignedUserauth {
  sessionId: Buffer;
  /** The host key the client named (hostbound method only). */
  hostKey: Buffer | null;
}

/** The login a signature is for, or null when the data is not a publickey userauth request. */
export function parseUserauthRequest(data: Buffer): SignedUserauth | null {
  try {
    const reader = new WireReader(data);
    const sessionId = reader.string();
    if (reader.byte() !== USERAUTH_REQUEST) return null;
    reader.string(); // user
    reader.string(); // service
    const method = reader.text();
    if (method !== 'publickey' && method !== HOSTBOUND) return null;
    if (!reader.boolean()) return null;
    reader.string(); // algorithm
    reader.string(); // public key
    const hostKey = method === HOSTBOUND ? reader.string() : null;
    reader.end();
    return { sessionId, hostKey };
  } catch (error) {
    if (isMalformedInput(error)) return null;
    throw error;
  }
}
