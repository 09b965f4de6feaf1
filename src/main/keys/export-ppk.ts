// Export for PuTTY/Pageant users: a version 3 .ppk (Argon2id with PuTTYgen's
// memory and lane defaults, AES-256-CBC), Argon2 run in the key worker.
import { AppError, isAppError } from '../core/app-error';
import { assertValidComment } from './generate';
import { encodePpk } from './ppk/codec';
import { serializePpk } from './ppk/format';
import type { LoadedPrivateKey } from './types';
import { workerPpkKdf } from './worker/kdf-client';

export async function exportPpk(key: LoadedPrivateKey, passphrase: string | undefined): Promise<string> {
  assertValidComment(key.comment);
  try {
    const file = await encodePpk(key, passphrase || undefined, workerPpkKdf);
    return serializePpk(file);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('keys.generationFailed', {}, { cause: error });
  }
}
