// The algorithm offer: ssh2's defaults minus the legacy ones (`remove` only,
// so nothing is added). ssh2 builds its default ciphers and MACs from what
// node:crypto lists (getCiphers, getHashes) and tests for ed25519 and
// curve25519 (checked in ssh2 1.17's constants.js); its DH groups and ECDH
// curves are not tested, so a runtime lacking one fails at key exchange (the
// field notes report "Unknown DH group" under Electron's BoringSSL; not
// verifiable here) and errors.ts makes that readable. Names below that are not
// in ssh2's defaults are removed anyway, in case a later ssh2 adds them.
import type { Algorithms } from 'ssh2';

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
