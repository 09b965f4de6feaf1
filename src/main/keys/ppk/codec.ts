// Decrypting, verifying and writing .ppk private keys (versions 2 and 3).
// The Private-MAC is always checked: it is what tells a wrong passphrase from
// a damaged file (sshpk skips it, so we do not use sshpk for .ppk).
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { AppError } from '../../core/app-error';
import { privateKeyMatchesBlob } from '../consistency';
import { WireWriter } from '../../core/wire';
import type { Argon2Params, PpkFile } from './format';
import { PPK3_KDF_OUTPUT_BYTES, checkArgon2Params, type PpkKdf } from './kdf';
import { keyObjectFromPpkBlobs, ppkPrivateBlobFromKeyObject } from './private-blob';

const AES_BLOCK = 16;

/** PuTTYgen's defaults for new files (memory and lanes); passes are fixed here instead of tuned to ~100 ms. */
export const PPK_EXPORT_ARGON2 = { memoryKiB: 8192, passes: 16, parallelism: 1 } as const;

interface Secrets {
  cipherKey?: Buffer;
  iv?: Buffer;
  macKey: Buffer;
  macAlgorithm: 'sha1' | 'sha256';
}

async function deriveSecrets(
  version: 2 | 3,
  encrypted: boolean,
  argon2: Argon2Params | undefined,
  passphrase: string,
  kdf: PpkKdf,
): Promise<Secrets> {
  if (version === 2) {
    const { cipherKey, macKey } = await kdf.v2Keys(encrypted ? passphrase : '');
    return encrypted
      ? { cipherKey, iv: Buffer.alloc(AES_BLOCK), macKey, macAlgorithm: 'sha1' }
      : { macKey, macAlgorithm: 'sha1' };
  }
  if (!encrypted) return { macKey: Buffer.alloc(0), macAlgorithm: 'sha256' };
  if (!argon2) throw new AppError('keys.corrupt');
  const out = await kdf.argon2(argon2, passphrase);
  if (out.length !== PPK3_KDF_OUTPUT_BYTES) throw new AppError('keys.workerFailed');
  return {
    cipherKey: out.subarray(0, 32),
    iv: out.subarray(32, 48),
    macKey: out.subarray(48, 80),
    macAlgorithm: 'sha256',
  };
}

function macOf(
  file: Pick<PpkFile, 'algorithm' | 'encryption' | 'commentBytes' | 'publicBlob'>,
  plain: Buffer,
  secrets: Secrets,
): Buffer {
  const input = new WireWriter()
    .string(Buffer.from(file.algorithm, 'latin1'))
    .string(Buffer.from(file.encryption, 'latin1'))
    .string(file.commentBytes)
    .string(file.publicBlob)
    .string(plain)
    .toBuffer();
  return createHmac(secrets.macAlgorithm, secrets.macKey).update(input).digest();
}

export function ppkIsEncrypted(file: PpkFile): boolean {
  if (file.encryption === 'none') return false;
  if (file.encryption === 'aes256-cbc') return true;
  throw new AppError('keys.unsupportedEncryption', { cipher: file.encryption.slice(0, 64) });
}

/**
 * Decrypts and verifies the private part. The caller has already parsed the
 * file and applied the policy to its public blob.
 */
export async function unlockPpk(
  file: PpkFile,
  passphrase: string | undefined,
  kdf: PpkKdf,
): Promise<KeyObject> {
  const encrypted = ppkIsEncrypted(file);
  if (encrypted && !passphrase) throw new AppError('keys.passphraseRequired');
  if (file.argon2) checkArgon2Params(file.argon2);
  if (encrypted && (file.privateBlob.length === 0 || file.privateBlob.length % AES_BLOCK !== 0)) {
    throw new AppError('keys.corrupt', {}, { cause: new Error('ppk: private blob not whole AES blocks') });
  }
  if (file.mac.length !== (file.version === 2 ? 20 : 32)) {
    throw new AppError('keys.corrupt', {}, { cause: new Error('ppk: MAC length') });
  }

  const secrets = await deriveSecrets(file.version, encrypted, file.argon2, passphrase ?? '', kdf);
  let plain = file.privateBlob;
  if (secrets.cipherKey && secrets.iv) {
    const decipher = createDecipheriv('aes-256-cbc', secrets.cipherKey, secrets.iv).setAutoPadding(false);
    plain = Buffer.concat([decipher.update(file.privateBlob), decipher.final()]);
  }

  const decode = (): KeyObject | undefined => {
    try {
      const key = keyObjectFromPpkBlobs(file.algorithm, file.publicBlob, plain);
      return privateKeyMatchesBlob(key, file.publicBlob) ? key : undefined;
    } catch {
      return undefined;
    }
  };

  if (!timingSafeEqual(macOf(file, plain, secrets), file.mac)) {
    // A wrong passphrase decrypts to noise. If the private part still decodes
    // to the stored public key, the passphrase was right and something else
    // (comment, MAC, header) was altered. A flipped bit inside the encrypted
    // part cannot be told from a wrong passphrase; PuTTY says the same.
    if (!encrypted || decode() !== undefined) {
      throw new AppError('keys.corrupt', {}, { cause: new Error('ppk: MAC mismatch') });
    }
    throw new AppError('keys.wrongPassphrase');
  }
  const key = decode();
  if (!key)
    throw new AppError(
      'keys.corrupt',
      {},
      { cause: new Error('ppk: private key does not match public key') },
    );
  return key;
}

export interface PpkExportInput {
  privateKey: KeyObject;
  type: string;
  blob: Buffer;
  comment: string;
}

export interface PpkEncodeSettings {
  /** 3 unless a test needs the old format (PuTTY before 0.75 reads only 2). */
  version: 2 | 3;
  argon2: Pick<Argon2Params, 'memoryKiB' | 'passes' | 'parallelism'>;
}

/** A .ppk (version 3 by default), encrypted with AES-256-CBC (key from Argon2id in v3) when a passphrase is given. */
export async function encodePpk(
  key: PpkExportInput,
  passphrase: string | undefined,
  kdf: PpkKdf,
  settings: PpkEncodeSettings = { version: 3, argon2: PPK_EXPORT_ARGON2 },
): Promise<PpkFile> {
  const version = settings.version;
  const encrypted = !!passphrase;
  const unpadded = ppkPrivateBlobFromKeyObject(key.privateKey);
  let plain = unpadded;
  if (encrypted) {
    // Padding as PuTTY writes it: the start of SHA-1 of the unpadded blob.
    const padLength = (AES_BLOCK - (unpadded.length % AES_BLOCK)) % AES_BLOCK;
    const pad = createHash('sha1').update(unpadded).digest().subarray(0, padLength);
    plain = Buffer.concat([unpadded, pad]);
  }
  const argon2: Argon2Params | undefined =
    encrypted && version === 3
      ? { flavour: 'Argon2id', ...settings.argon2, salt: randomBytes(16) }
      : undefined;
  const header = {
    algorithm: key.type,
    encryption: encrypted ? 'aes256-cbc' : 'none',
    commentBytes: Buffer.from(key.comment, 'utf8'),
    publicBlob: key.blob,
  };
  const secrets = await deriveSecrets(version, encrypted, argon2, passphrase ?? '', kdf);
  const mac = macOf(header, plain, secrets);
  let privateBlob = plain;
  if (secrets.cipherKey && secrets.iv) {
    const cipher = createCipheriv('aes-256-cbc', secrets.cipherKey, secrets.iv).setAutoPadding(false);
    privateBlob = Buffer.concat([cipher.update(plain), cipher.final()]);
  }
  return { version, ...header, argon2, privateBlob, mac };
}
