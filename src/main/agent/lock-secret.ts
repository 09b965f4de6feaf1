// The lock passphrase is kept only as a salted scrypt hash, compared in
// constant time, so a memory dump of a locked agent does not reveal it.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;
const COST = { N: 1 << 14, r: 8, p: 1 };

function derive(passphrase: Buffer, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, KEY_LENGTH, COST, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export class LockSecret {
  private constructor(
    private readonly salt: Buffer,
    private readonly hash: Buffer,
  ) {}

  static async create(passphrase: Buffer): Promise<LockSecret> {
    const salt = randomBytes(16);
    return new LockSecret(salt, await derive(passphrase, salt));
  }

  async matches(passphrase: Buffer): Promise<boolean> {
    return timingSafeEqual(await derive(passphrase, this.salt), this.hash);
  }
}

export function passphraseBytes(passphrase: string | Buffer): Buffer {
  return typeof passphrase === 'string' ? Buffer.from(passphrase, 'utf8') : passphrase;
}
