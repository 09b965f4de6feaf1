// New keys for the vendor's workflow: ED25519 or RSA-4096 in OpenSSH format,
// bcrypt-protected (aes256-ctr), made by ssh2 in the key worker.
import type { NewKeyType } from '../../shared/contract/keys';
import { AppError } from '../core/app-error';
import { MAX_COMMENT_LENGTH } from './limits';
import { assertKeyPolicy } from './policy';
import { parsePublicKeyLine } from './public-key';
import type { PublicKeyInfo } from './types';
import { runKeyJob } from './worker/pool';

export interface GenerateKeyRequest {
  /** The contract's key types: the vendor accepts ED25519 or RSA-4096. */
  type: NewKeyType;
  /** The person's e-mail address, by the vendor's convention. */
  comment: string;
  passphrase: string;
}

export interface GeneratedKey {
  privateKeyOpenSsh: string;
  info: PublicKeyInfo;
}

/** ssh-keygen's default bcrypt rounds. */
export const GENERATE_BCRYPT_ROUNDS = 16;

export function assertValidComment(comment: string): void {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (comment.length > MAX_COMMENT_LENGTH || /[\x00-\x1f\x7f]/.test(comment))
    throw new AppError('keys.commentInvalid');
}

export async function generateKey(request: GenerateKeyRequest): Promise<GeneratedKey> {
  if (request.type !== 'ed25519' && request.type !== 'rsa4096') {
    throw new AppError('keys.policyRefused', { type: String(request.type), bits: 0 });
  }
  const comment = request.comment.trim();
  assertValidComment(comment);
  if (!request.passphrase) throw new AppError('keys.newPassphraseEmpty');

  const { privateKey, publicKey } = await runKeyJob({
    kind: 'generate',
    type: request.type,
    comment,
    passphrase: request.passphrase,
    rounds: GENERATE_BCRYPT_ROUNDS,
  });
  const info = parsePublicKeyLine(publicKey);
  if (!info)
    throw new AppError('keys.generationFailed', {}, { cause: new Error('unreadable public key from ssh2') });
  assertKeyPolicy(info);
  return { privateKeyOpenSsh: privateKey, info: { ...info, comment } };
}
