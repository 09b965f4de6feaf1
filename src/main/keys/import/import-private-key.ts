// importPrivateKey: one entry for every private key file a technician may
// bring (OpenSSH, PuTTY .ppk v2/v3, PEM). Only AppError leaves this function.
import type { KeyObject } from 'node:crypto';
import { AppError, isAppError } from '../../core/app-error';
import { MAX_KEY_FILE_BYTES } from '../limits';
import { assertKeyPolicy } from '../policy';
import { parsePpk } from '../ppk/format';
import { unlockPpk } from '../ppk/codec';
import { blobFromKeyObject, describeBlob, publicKeyInfo } from '../public-key';
import type { ImportOptions, LoadedPrivateKey } from '../types';
import { workerPpkKdf } from '../worker/kdf-client';
import { detectFormat } from './detect';
import { readOpenSshEnvelope, unlockOpenSsh } from './openssh';
import { unlockPem } from './pem';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Control characters would break the one-line formats the comment ends up in. */
export function displayComment(comment: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return comment.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
}

function finish(
  privateKey: KeyObject,
  comment: string,
  blob = blobFromKeyObject(privateKey),
): LoadedPrivateKey {
  const info = publicKeyInfo(blob, displayComment(comment));
  assertKeyPolicy(info);
  return { ...info, privateKey };
}

async function importUnchecked(data: Buffer, options: ImportOptions): Promise<LoadedPrivateKey> {
  if (data.length > MAX_KEY_FILE_BYTES) throw new AppError('keys.tooLarge', { maxBytes: MAX_KEY_FILE_BYTES });
  const body = data.subarray(0, 3).equals(UTF8_BOM) ? data.subarray(3) : data;
  // latin1 keeps every byte; all markers we look for are ASCII.
  const text = body.toString('latin1').replace(/^\s+/, '');
  if (text.trim() === '') throw new AppError('keys.empty');

  const format = detectFormat(text);
  switch (format.kind) {
    case 'public':
      throw new AppError('keys.publicKeyGiven');
    case 'openssh': {
      const envelope = readOpenSshEnvelope(format.base64);
      // The policy first: a refused key needs no passphrase to be refused.
      assertKeyPolicy(envelope.description);
      const { privateKey, comment } = await unlockOpenSsh(envelope, options.passphrase);
      return finish(privateKey, comment, envelope.publicBlob);
    }
    case 'ppk': {
      const file = parsePpk(Buffer.from(text, 'latin1'));
      const description = describeBlob(file.publicBlob);
      if (description.type !== file.algorithm) {
        throw new AppError(
          'keys.corrupt',
          {},
          { cause: new Error('ppk: algorithm differs from public key') },
        );
      }
      assertKeyPolicy(description);
      const privateKey = await unlockPpk(file, options.passphrase, workerPpkKdf);
      return finish(privateKey, file.commentBytes.toString('utf8'), file.publicBlob);
    }
    case 'pem': {
      const privateKey = await unlockPem(format.text, options.passphrase);
      return finish(privateKey, '');
    }
  }
}

/**
 * Reads a private key file, decrypts it (derivations in the key worker),
 * verifies it and applies the vendor's policy. Rejects only with AppError;
 * `options.source` is added to the error's params for the UI.
 */
export async function importPrivateKey(data: Buffer, options: ImportOptions = {}): Promise<LoadedPrivateKey> {
  try {
    return await importUnchecked(data, options);
  } catch (error) {
    const withSource = (code: AppError['code'], params: AppError['params'], cause: unknown) =>
      new AppError(code, options.source ? { ...params, source: options.source } : params, { cause });
    if (isAppError(error)) throw withSource(error.code, error.params, error.cause);
    // WireError (a truncated field) or anything a library threw on bad input.
    throw withSource('keys.corrupt', {}, error);
  }
}
