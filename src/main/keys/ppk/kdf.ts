// Key derivations of the .ppk format. These functions are pure and run
// inside the key worker (see ../worker); the codec reaches them through the
// PpkKdf interface so tests can call them in-process too.
import { createHash } from 'node:crypto';
import { argon2d, argon2i, argon2id } from 'hash-wasm';
import { AppError } from '../../core/app-error';
import {
  MAX_ARGON2_MEMORY_KIB,
  MAX_ARGON2_PARALLELISM,
  MAX_ARGON2_PASSES,
  MAX_ARGON2_SALT_BYTES,
  MAX_ARGON2_WORK_KIB_PASSES,
  MIN_ARGON2_SALT_BYTES,
} from '../limits';
import type { Argon2Params } from './format';

/** AES-256 key (32) + IV (16) + MAC key (32), as PuTTY derives them in version 3. */
export const PPK3_KDF_OUTPUT_BYTES = 80;

export interface Ppk2Keys {
  cipherKey: Buffer;
  macKey: Buffer;
}

export interface PpkKdf {
  argon2(params: Argon2Params, passphrase: string): Promise<Buffer>;
  v2Keys(passphrase: string): Promise<Ppk2Keys>;
}

/**
 * Refuses Argon2 parameters that would cost too much memory or time, or that
 * the format cannot have, BEFORE anything is derived.
 */
export function checkArgon2Params(params: Argon2Params): void {
  const kdf = params.flavour;
  const refuse = (parameter: string, value: number, limit: number): never => {
    throw new AppError('keys.kdfTooExpensive', { kdf, parameter, value, limit });
  };
  if (params.memoryKiB > MAX_ARGON2_MEMORY_KIB)
    refuse('Argon2-Memory', params.memoryKiB, MAX_ARGON2_MEMORY_KIB);
  if (params.passes > MAX_ARGON2_PASSES) refuse('Argon2-Passes', params.passes, MAX_ARGON2_PASSES);
  if (params.parallelism > MAX_ARGON2_PARALLELISM) {
    refuse('Argon2-Parallelism', params.parallelism, MAX_ARGON2_PARALLELISM);
  }
  if (params.memoryKiB * params.passes > MAX_ARGON2_WORK_KIB_PASSES) {
    refuse('Argon2-Memory×Argon2-Passes', params.memoryKiB * params.passes, MAX_ARGON2_WORK_KIB_PASSES);
  }
  // Values Argon2 itself rejects (RFC 9106 §3.1): a damaged file, not an expensive one.
  if (
    params.passes < 1 ||
    params.parallelism < 1 ||
    params.memoryKiB < 8 * params.parallelism ||
    params.salt.length < MIN_ARGON2_SALT_BYTES ||
    params.salt.length > MAX_ARGON2_SALT_BYTES
  ) {
    throw new AppError('keys.corrupt', {}, { cause: new Error('ppk: impossible Argon2 parameters') });
  }
}

export async function deriveArgon2(params: Argon2Params, passphrase: string): Promise<Buffer> {
  checkArgon2Params(params);
  const fn = params.flavour === 'Argon2id' ? argon2id : params.flavour === 'Argon2i' ? argon2i : argon2d;
  const out = await fn({
    password: Buffer.from(passphrase, 'utf8'),
    salt: params.salt,
    parallelism: params.parallelism,
    iterations: params.passes,
    memorySize: params.memoryKiB,
    hashLength: PPK3_KDF_OUTPUT_BYTES,
    outputType: 'binary',
  });
  return Buffer.from(out);
}

function sha1(...parts: Buffer[]): Buffer {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** Version 2: AES key from two SHA-1 blocks, MAC key from SHA-1 of a fixed prefix (IV is zero). */
export function deriveV2Keys(passphrase: string): Ppk2Keys {
  const pass = Buffer.from(passphrase, 'utf8');
  const cipherKey = Buffer.concat([
    sha1(Buffer.from([0, 0, 0, 0]), pass),
    sha1(Buffer.from([0, 0, 0, 1]), pass),
  ]).subarray(0, 32);
  const macKey = sha1(Buffer.from('putty-private-key-file-mac-key', 'latin1'), pass);
  return { cipherKey, macKey };
}

/** The derivations in the calling thread: for the worker itself and for tests. */
export const inlinePpkKdf: PpkKdf = {
  argon2: deriveArgon2,
  v2Keys: async (passphrase) => deriveV2Keys(passphrase),
};
