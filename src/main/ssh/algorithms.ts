// The algorithm offer: ssh2's defaults minus the legacy ones (`remove` only,
// so nothing is added). ssh2 builds its default ciphers and MACs from what
// node:crypto lists (getCiphers, getHashes) and tests for ed25519 and
// curve25519 (checked in ssh2 1.17's constants.js); its DH groups and ECDH
// curves are not tested, so a runtime lacking one fails at key exchange (the
// field notes report "Unknown DH group" under Electron's BoringSSL; not
// verifiable here) and errors.ts makes that readable. Names below that are not
// in ssh2's defaults are removed anyway, in case a later ssh2 adds them.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import type { Algorithms } from 'ssh2';
import type { KnownHosts } from './known-hosts';

export const MODERN_ALGORITHMS = {
  // ssh-rsa signs host keys with SHA-1; OpenSSH disabled it by default in 8.8.
  serverHostKey: { remove: ['ssh-rsa', 'ssh-dss'] },
  // group15/17 only cost time; the others plus curve25519 cover every OpenSSH.
  kex: {
    remove: [
      'diffie-hellman-group15-sha512',
      'diffie-hellman-group17-sha512',
      'diffie-hellman-group-exchange-sha1',
      'diffie-hellman-group14-sha1',
      'diffie-hellman-group1-sha1',
    ],
  },
  cipher: {
    remove: [
      'aes256-cbc',
      'aes192-cbc',
      'aes128-cbc',
      '3des-cbc',
      'blowfish-cbc',
      'arcfour',
      'arcfour128',
      'arcfour256',
      'cast128-cbc',
    ],
  },
  hmac: {
    remove: [
      'hmac-sha1',
      'hmac-sha1-etm@openssh.com',
      'hmac-md5',
      'hmac-md5-etm@openssh.com',
      'hmac-sha1-96',
      'hmac-md5-96',
      'hmac-ripemd160',
    ],
  },
  compress: ['none'],
} as unknown as Algorithms; // @types/ssh2 wrongly demands all of append/prepend/remove.

/**
 * ssh2 1.17's default host key algorithms (lib/protocol/constants.js
 * DEFAULT_SERVER_HOST_KEY) minus the removals above. ssh2 lists ssh-ed25519
 * only where node:crypto can sign and verify with it; so do we, since ssh2
 * refuses an exact list naming an algorithm it does not support.
 */
function defaultHostKeyAlgorithms(): string[] {
  return [
    ...(ed25519Works() ? ['ssh-ed25519'] : []),
    'ecdsa-sha2-nistp256',
    'ecdsa-sha2-nistp384',
    'ecdsa-sha2-nistp521',
    'rsa-sha2-512',
    'rsa-sha2-256',
  ];
}

let ed25519: boolean | undefined;
function ed25519Works(): boolean {
  if (ed25519 === undefined) {
    try {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const data = Buffer.from('a');
      ed25519 = verify(null, data, publicKey, sign(null, data, privateKey));
    } catch {
      ed25519 = false;
    }
  }
  return ed25519;
}

/** The key type (as known_hosts stores it) an algorithm verifies: RSA keys are `ssh-rsa` whatever the hash. */
function keyTypeOf(algorithm: string): string {
  return algorithm.startsWith('rsa-sha2-') ? 'ssh-rsa' : algorithm;
}

/**
 * The host key algorithms to offer, those of stored key types first, as
 * OpenSSH orders its offer: the server then presents a key we know instead of
 * its own preference (often ed25519) that would look like a new host.
 */
export function serverHostKeyOrder(storedKeyTypes: readonly string[]): string[] {
  const all = defaultHostKeyAlgorithms();
  const known = all.filter((a) => storedKeyTypes.includes(keyTypeOf(a)));
  return [...known, ...all.filter((a) => !known.includes(a))];
}

/** The ordered host key offer for host:port; hashed entries count for the host they match. */
export function hostKeyAlgorithmsFor(
  knownHosts: Pick<KnownHosts, 'keyTypesFor'>,
  host: string,
  port: number,
): string[] {
  return serverHostKeyOrder(knownHosts.keyTypesFor(host, port));
}

/** ssh2's `algorithms` for a connection to host:port: MODERN_ALGORITHMS with the host key offer ordered. */
export function algorithmsFor(
  knownHosts: Pick<KnownHosts, 'keyTypesFor'>,
  host: string,
  port: number,
): Algorithms {
  return { ...MODERN_ALGORITHMS, serverHostKey: hostKeyAlgorithmsFor(knownHosts, host, port) } as Algorithms;
}
