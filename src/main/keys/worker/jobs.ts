// What the key worker does for each job. Plain functions, so the worker entry
// stays a thin message loop. Every failure leaves as an AppError whose code
// says what the user can do; library messages are mapped here because only
// here do we know which library produced them.
import { createPrivateKey } from 'node:crypto';
// ssh2 is CommonJS without static named exports: Node's ESM loader needs the default import.
import ssh2 from 'ssh2';
import { AppError } from '../../core/app-error';
import { deriveArgon2, deriveV2Keys } from '../ppk/kdf';
import type { JobKind, JobRequest, JobResult } from './protocol';

const { utils } = ssh2;

type Handlers = { [K in JobKind]: (request: JobRequest<K>) => Promise<JobResult<K>> };

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toPkcs8(pem: string): Uint8Array {
  return createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
}

const jobHandlers: Handlers = {
  async argon2(request) {
    const output = await deriveArgon2(
      {
        flavour: request.flavour,
        memoryKiB: request.memoryKiB,
        passes: request.passes,
        parallelism: request.parallelism,
        salt: Buffer.from(request.salt),
      },
      request.passphrase,
    );
    return { output };
  },

  async ppk2Keys(request) {
    return deriveV2Keys(request.passphrase);
  },

  async openssh(request) {
    // ssh2's parser runs bcrypt_pbkdf and checks the check-ints; the caller
    // has already checked the rounds against the cap.
    const parsed = utils.parseKey(request.text, request.passphrase);
    if (parsed instanceof Error) {
      const message = parsed.message;
      if (/no passphrase given/.test(message)) throw new AppError('keys.passphraseRequired');
      if (/Unsupported cipher/.test(message))
        throw new AppError('keys.unsupportedEncryption', { cipher: message.split(': ')[1] ?? '' });
      // Check-int mismatch after decryption, or a GCM tag that does not verify.
      if (request.encrypted && /bad passphrase|unable to authenticate/.test(message))
        throw new AppError('keys.wrongPassphrase');
      throw new AppError('keys.corrupt', {}, { cause: new Error(`openssh: ${message}`) });
    }
    const pem = parsed.getPrivatePEM();
    if (!pem) throw new AppError('keys.corrupt');
    try {
      return { pkcs8: toPkcs8(pem), comment: parsed.comment };
    } catch (error) {
      throw new AppError('keys.corrupt', {}, { cause: new Error(`openssh: ${errorMessage(error)}`) });
    }
  },

  async pem(request) {
    try {
      const key = createPrivateKey({ key: request.text, format: 'pem', passphrase: request.passphrase });
      return { pkcs8: key.export({ format: 'der', type: 'pkcs8' }) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_MISSING_PASSPHRASE') throw new AppError('keys.passphraseRequired');
      // OpenSSL cannot tell a wrong passphrase from damaged ciphertext; with a
      // passphrase and an encrypted PEM, the passphrase is the likely cause.
      if (request.passphrase && /ENCRYPTED/.test(request.text)) throw new AppError('keys.wrongPassphrase');
      throw new AppError('keys.corrupt', {}, { cause: new Error(`pem: ${errorMessage(error)}`) });
    }
  },

  async generate(request) {
    const options = {
      comment: request.comment,
      passphrase: request.passphrase,
      cipher: 'aes256-ctr',
      rounds: request.rounds,
    };
    const pair = await new Promise<{ private: string; public: string }>((resolve, reject) => {
      const done = (err: Error | null, keys: { private: string; public: string }) =>
        err ? reject(err) : resolve(keys);
      if (request.type === 'ed25519') utils.generateKeyPair('ed25519', options, done);
      else utils.generateKeyPair('rsa', { ...options, bits: 4096 }, done);
    }).catch((error: unknown) => {
      throw new AppError('keys.generationFailed', {}, { cause: new Error(errorMessage(error)) });
    });
    return { privateKey: pair.private, publicKey: pair.public };
  },
};

/** Runs one job; the worker entry and in-process callers share this. */
export function runJobHere<K extends JobKind>(job: JobRequest<K>): Promise<JobResult<K>> {
  const handler = jobHandlers[job.kind] as (request: JobRequest<K>) => Promise<JobResult<K>>;
  return handler(job);
}
