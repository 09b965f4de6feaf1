// OpenSSH private keys ("openssh-key-v1"). The envelope is read here first —
// to check the bcrypt rounds BEFORE deriving, to apply the policy without a
// passphrase, and to know whether the file is encrypted at all — then ssh2's
// parser decrypts it in the key worker.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { privateKeyMatchesBlob } from '../consistency';
import { MAX_BCRYPT_ROUNDS, MAX_BCRYPT_SALT_BYTES } from '../limits';
import { describeBlob, type BlobDescription } from '../public-key';
import { WireReader } from '../../core/wire';
import { runKeyJob } from '../worker/pool';

const MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');

/** Ciphers ssh-keygen writes and ssh2 decrypts correctly: block size and GCM tag length. */
const CIPHERS: Record<string, { block: number; tag: number }> = {
  none: { block: 8, tag: 0 },
  'aes128-ctr': { block: 16, tag: 0 },
  'aes192-ctr': { block: 16, tag: 0 },
  'aes256-ctr': { block: 16, tag: 0 },
  'aes128-cbc': { block: 16, tag: 0 },
  'aes192-cbc': { block: 16, tag: 0 },
  'aes256-cbc': { block: 16, tag: 0 },
  'aes128-gcm@openssh.com': { block: 16, tag: 16 },
  'aes256-gcm@openssh.com': { block: 16, tag: 16 },
};

export interface OpenSshEnvelope {
  cipher: string;
  encrypted: boolean;
  rounds: number;
  publicBlob: Buffer;
  description: BlobDescription;
  /** The key re-armoured canonically, for ssh2's strict parser. */
  canonicalText: string;
}

function corrupt(detail: string): AppError {
  return new AppError('keys.corrupt', {}, { cause: new Error(`openssh: ${detail}`) });
}

export function readOpenSshEnvelope(base64Body: string): OpenSshEnvelope {
  const compact = base64Body.replace(/[\r\n\t ]+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw corrupt('bad base64');
  const data = Buffer.from(compact, 'base64');
  if (data.length < MAGIC.length || !data.subarray(0, MAGIC.length).equals(MAGIC)) throw corrupt('bad magic');

  const reader = new WireReader(data.subarray(MAGIC.length));
  const cipher = reader.name();
  const kdf = reader.name();
  const kdfOptions = reader.string();
  const cipherInfo = CIPHERS[cipher];
  if (!cipherInfo) throw new AppError('keys.unsupportedEncryption', { cipher });

  let rounds = 0;
  const encrypted = cipher !== 'none';
  if (!encrypted) {
    if (kdf !== 'none' || kdfOptions.length !== 0) throw corrupt('kdf without cipher');
  } else {
    if (kdf !== 'bcrypt') {
      if (kdf === 'none') throw corrupt('cipher without kdf');
      throw new AppError('keys.unsupportedEncryption', { cipher: kdf });
    }
    const options = new WireReader(kdfOptions);
    const salt = options.string();
    rounds = options.uint32();
    options.end();
    if (rounds > MAX_BCRYPT_ROUNDS) {
      throw new AppError('keys.kdfTooExpensive', {
        kdf: 'bcrypt',
        parameter: 'rounds',
        value: rounds,
        limit: MAX_BCRYPT_ROUNDS,
      });
    }
    if (rounds < 1 || salt.length < 1 || salt.length > MAX_BCRYPT_SALT_BYTES)
      throw corrupt('bad bcrypt options');
  }

  // OpenSSH has only ever written one key per file.
  if (reader.uint32() !== 1) throw corrupt('key count');
  const publicBlob = reader.string();
  const privateSection = reader.string();
  if (reader.remaining !== cipherInfo.tag) throw corrupt('trailing bytes');
  if (privateSection.length === 0 || privateSection.length % cipherInfo.block !== 0)
    throw corrupt('private section length');

  const description = describeBlob(publicBlob);
  const lines = data.toString('base64').match(/.{1,70}/g) ?? [];
  const canonicalText = `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
  return { cipher, encrypted, rounds, publicBlob, description, canonicalText };
}

/** Decrypts (in the worker) and checks the private key against the public one. */
export async function unlockOpenSsh(
  envelope: OpenSshEnvelope,
  passphrase: string | undefined,
): Promise<{ privateKey: KeyObject; comment: string }> {
  if (envelope.encrypted && !passphrase) throw new AppError('keys.passphraseRequired');
  const { pkcs8, comment } = await runKeyJob({
    kind: 'openssh',
    text: envelope.canonicalText,
    passphrase: envelope.encrypted ? passphrase : undefined,
    encrypted: envelope.encrypted,
  });
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  if (!privateKeyMatchesBlob(privateKey, envelope.publicBlob))
    throw corrupt('private key does not match public key');
  return { privateKey, comment };
}
