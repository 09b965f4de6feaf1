// What the key worker does for each job. Plain functions, so the worker entry
// stays a thin message loop. Every failure leaves as an AppError whose code
// says what the user can do; library messages are mapped here because only
// here do we know which library produced them.
import { createPrivateKey } from 'node:crypto';
// ssh2 is CommonJS without static named exports: Node's ESM loader needs the default import.
import ssh2 from 'ssh2';
import { AppError } from '../../core/app-error';
import { privateKeyMatchesBlob } from '../consistency';
import { deriveArgon2, deriveV2Keys } from '../ppk/kdf';
import { describeBlob } from '../public-key';
import type { JobKind, JobRequest, JobResult } from './protocol';

const { utils } = ssh2;

type Handlers = { [K in JobKind]: (request: JobRequest<K>) => Promise<JobResult<K>> };

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toPkcs8(pem: string): Uint8Array {
  return createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
}

/** A key pair as ssh2 writes it: the OpenSSH private file and the public line. */
export interface KeyPairText {
  private: string;
  public: string;
}

/** Makes one key pair for a generate job; ssh2 in the app, a stand-in in tests. */
export type KeyPairMaker = (request: JobRequest<'generate'>) => Promise<KeyPairText>;

/** Pairs that fail the checks before we give up (a bad ED25519 pair comes about once in 256). */
export const GENERATE_TRIES = 8;

const SSH_TYPE: Record<JobRequest<'generate'>['type'], string> = {
  ed25519: 'ssh-ed25519',
  rsa4096: 'ssh-rsa',
};

function ssh2KeyPair(request: JobRequest<'generate'>): Promise<KeyPairText> {
  const options = {
    comment: request.comment,
    passphrase: request.passphrase,
    cipher: 'aes256-ctr',
    rounds: request.rounds,
  };
  return new Promise<KeyPairText>((resolve, reject) => {
    const done = (err: Error | null, keys: KeyPairText) => (err ? reject(err) : resolve(keys));
    if (request.type === 'ed25519') utils.generateKeyPair('ed25519', options, done);
    else utils.generateKeyPair('rsa', { ...options, bits: 4096 }, done);
  });
}

/**
 * Why a generated pair is unusable, or undefined when it is sound. The
 * answer leaves the worker as an error detail: ssh2's messages and our own
 * words only, never key material.
 */
export function keyPairDefect(request: JobRequest<'generate'>, pair: KeyPairText): string | undefined {
  const publicKey = utils.parseKey(pair.public);
  if (publicKey instanceof Error) return `public key: ${publicKey.message}`;
  const blob = publicKey.getPublicSSH();
  try {
    // Throws unless an ssh-ed25519 blob holds exactly 32 key bytes.
    const { type } = describeBlob(blob);
    if (type !== SSH_TYPE[request.type]) return `public key: type ${type}`;
  } catch (error) {
    return `public key: ${errorMessage(error)}`;
  }
  // With the passphrase, as the user will open it: a second bcrypt run, but
  // only for a pair whose public half already passed.
  const privateKey = utils.parseKey(pair.private, request.passphrase);
  if (privateKey instanceof Error) return `private key: ${privateKey.message}`;
  if (!privateKey.getPublicSSH().equals(blob)) return 'private key: embedded public key differs';
  const pem = privateKey.getPrivatePEM();
  if (!pem || !privateKeyMatchesBlob(createPrivateKey(pem), blob))
    return 'private key: does not match public key';
  return undefined;
}

/**
 * Generates a key pair and checks it before anyone saves or sends it.
 *
 * ssh2 1.17 turns Node's ED25519 SPKI into an OpenSSH blob by stripping ALL
 * leading zero bytes of the BIT STRING (keygen.js parseDERs), not just the
 * unused-bits byte: a public key starting with 0x00 (1 in 256) comes out as
 * 31 bytes, in the .pub line and in the private file alike, and ssh2, OpenSSH
 * and our own reader refuse it (mscdex/ssh2 #1390, #1513). We generate again
 * instead of patching bytes: the broken public key also sits inside ssh2's
 * encrypted private section, so a repair would mean re-encoding the whole file
 * ourselves; a fresh pair costs one more generation, and the same checks
 * catch any other defect in ssh2's output.
 */
export async function generateCheckedKeyPair(
  request: JobRequest<'generate'>,
  makeKeyPair: KeyPairMaker = ssh2KeyPair,
  tries = GENERATE_TRIES,
): Promise<JobResult<'generate'>> {
  let lastDefect = 'no attempt';
  for (let attempt = 0; attempt < tries; attempt++) {
    const pair = await makeKeyPair(request).catch((error: unknown) => {
      // ssh2 refusing the options is not chance: no point in trying again.
      throw new AppError('keys.generationFailed', {}, { cause: new Error(errorMessage(error)) });
    });
    const defect = keyPairDefect(request, pair);
    if (defect === undefined) return { privateKey: pair.private, publicKey: pair.public };
    lastDefect = defect;
  }
  throw new AppError(
    'keys.generationFailed',
    {},
    { cause: new Error(`ssh2 made ${tries} unusable key pairs; last: ${lastDefect}`) },
  );
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
    return generateCheckedKeyPair(request);
  },
};

/** Runs one job; the worker entry and in-process callers share this. */
export function runJobHere<K extends JobKind>(job: JobRequest<K>): Promise<JobResult<K>> {
  const handler = jobHandlers[job.kind] as (request: JobRequest<K>) => Promise<JobResult<K>>;
  return handler(job);
}
