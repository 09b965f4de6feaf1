// In-process key material for the fast unit tests: no ssh-keygen, no puttygen.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import ssh2 from 'ssh2';
import { isAppError } from '../../../src/main/core/app-error';
import { encodePpk, type PpkExportInput } from '../../../src/main/keys/ppk/codec';
import { serializePpk } from '../../../src/main/keys/ppk/format';
import { inlinePpkKdf } from '../../../src/main/keys/ppk/kdf';
import { blobFromKeyObject } from '../../../src/main/keys/public-key';

export const PASS = 'Korrekt Pferd Batterie Heftklammer';
/** Argon2 settings that cost next to nothing, for tests only. */
export const CHEAP_ARGON2 = { memoryKiB: 64, passes: 1, parallelism: 1 };

export function opensshKey(
  type: 'ed25519' | 'rsa' | 'ecdsa',
  options: { passphrase?: string; rounds?: number; bits?: number; comment?: string } = {},
): { privateKey: string; publicKey: string } {
  const settings = {
    comment: options.comment ?? 'test@example.org',
    ...(options.passphrase
      ? { passphrase: options.passphrase, cipher: 'aes256-ctr', rounds: options.rounds ?? 1 }
      : {}),
  };
  const pair =
    type === 'ed25519'
      ? ssh2.utils.generateKeyPairSync('ed25519', settings)
      : type === 'rsa'
        ? ssh2.utils.generateKeyPairSync('rsa', { ...settings, bits: options.bits ?? 2048 })
        : ssh2.utils.generateKeyPairSync('ecdsa', { ...settings, bits: 256 });
  return { privateKey: pair.private, publicKey: pair.public };
}

export function exportInput(privateKey: KeyObject, comment = 'test@example.org'): PpkExportInput {
  const blob = blobFromKeyObject(privateKey);
  return {
    privateKey,
    blob,
    comment,
    type: privateKey.asymmetricKeyType === 'ed25519' ? 'ssh-ed25519' : 'ssh-rsa',
  };
}

export function ed25519(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

export function rsa(bits: number): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: bits }).privateKey;
}

export async function ppkText(
  key: KeyObject,
  passphrase: string | undefined,
  version: 2 | 3 = 3,
  comment = 'test@example.org',
): Promise<string> {
  const file = await encodePpk(exportInput(key, comment), passphrase, inlinePpkKdf, {
    version,
    argon2: CHEAP_ARGON2,
  });
  return serializePpk(file);
}

/** The AppError code a promise rejects with; fails loudly on success or a foreign error. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw new Error(`not an AppError: ${String(error)}`, { cause: error });
  }
  throw new Error('expected a rejection');
}

export async function appErrorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw new Error(`not an AppError: ${String(error)}`, { cause: error });
  }
  throw new Error('expected a rejection');
}

/** Replaces one header value in a .ppk text. */
export function setPpkHeader(text: string, name: string, value: string): string {
  const pattern = new RegExp(`^${name}: .*$`, 'm');
  if (!pattern.test(text)) throw new Error(`no header ${name}`);
  return text.replace(pattern, `${name}: ${value}`);
}
