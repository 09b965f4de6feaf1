// OpenSSH's hashed known_hosts names (`HashKnownHosts yes`): `|1|<salt>|<hash>`
// with hash = HMAC-SHA1(key = salt, name), both base64. The name is the host
// for port 22 and `[host]:port` otherwise, as ssh writes it, so the hash can
// only be checked against a host and port we are about to contact.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const SHA1_LENGTH = 20;
const TOKEN = /^\|1\|([A-Za-z0-9+/]+={0,2})\|([A-Za-z0-9+/]+={0,2})$/;

function parts(token: string): { salt: Buffer; hash: Buffer } | undefined {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const salt = Buffer.from(m[1]!, 'base64');
  const hash = Buffer.from(m[2]!, 'base64');
  // ssh-keygen's salt is the digest's length, and so is the HMAC; OpenSSH refuses other sizes.
  if (salt.length !== SHA1_LENGTH || hash.length !== SHA1_LENGTH) return undefined;
  return { salt, hash };
}

/** `Server.Example.` and `server.example` are the same host; `[::1]` is `::1`. */
export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.') && h.length > 1) h = h.slice(0, -1);
  return h;
}

export function isHashedHostToken(s: string): boolean {
  return parts(s) !== undefined;
}

/** The name OpenSSH hashes for host:port (lower case, `[host]:port` off 22). */
export function hashedHostName(host: string, port: number): string {
  const h = normaliseHost(host);
  return port === 22 ? h : `[${h}]:${port}`;
}

function hmac(salt: Buffer, name: string): Buffer {
  return createHmac('sha1', salt).update(name).digest();
}

export function matchesHashedHost(token: string, host: string, port: number): boolean {
  const p = parts(token);
  if (!p) return false;
  return timingSafeEqual(hmac(p.salt, hashedHostName(host, port)), p.hash);
}

/** A token as `ssh-keygen -H` writes it for host:port, with a random salt unless one is given. */
export function hashHost(host: string, port: number, salt: Buffer = randomBytes(SHA1_LENGTH)): string {
  if (salt.length !== SHA1_LENGTH) throw new Error('salt must be 20 bytes');
  return `|1|${salt.toString('base64')}|${hmac(salt, hashedHostName(host, port)).toString('base64')}`;
}
