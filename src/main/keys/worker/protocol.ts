// The typed protocol between the main process and the key worker. Only plain
// data crosses: byte arrays, strings, numbers. Private keys come back as
// PKCS#8 DER and are re-created as KeyObjects by the caller.
import type { ErrorCode, ErrorParams } from '../../../shared/errors';
import type { NewKeyType } from '../../../shared/contract/keys';
import type { Argon2Flavour } from '../ppk/format';

export interface JobMap {
  /** Version 3 .ppk: Argon2 output (80 bytes). Parameters are checked against the caps again in the worker. */
  argon2: {
    request: {
      flavour: Argon2Flavour;
      memoryKiB: number;
      passes: number;
      parallelism: number;
      salt: Uint8Array;
      passphrase: string;
    };
    result: { output: Uint8Array };
  };
  /** Version 2 .ppk: SHA-1 based AES key and MAC key. */
  ppk2Keys: {
    request: { passphrase: string };
    result: { cipherKey: Uint8Array; macKey: Uint8Array };
  };
  /** OpenSSH private key (bcrypt KDF inside ssh2's parser). `text` is the canonical PEM-like block. */
  openssh: {
    request: { text: string; passphrase?: string; encrypted: boolean };
    result: { pkcs8: Uint8Array; comment: string };
  };
  /** PEM (PKCS#1, PKCS#8, SEC1; encrypted too) through OpenSSL. */
  pem: {
    request: { text: string; passphrase?: string };
    result: { pkcs8: Uint8Array };
  };
  /** A new key pair in OpenSSH format, bcrypt-protected with aes256-ctr. */
  generate: {
    request: { type: NewKeyType; comment: string; passphrase: string; rounds: number };
    result: { privateKey: string; publicKey: string };
  };
}

export type JobKind = keyof JobMap;
export type JobRequest<K extends JobKind = JobKind> = { [P in K]: { kind: P } & JobMap[P]['request'] }[K];
export type JobResult<K extends JobKind> = JobMap[K]['result'];

export interface WorkerRequestMessage {
  id: number;
  job: JobRequest;
}

export type WorkerResponseMessage =
  | { id: number; ok: true; result: JobResult<JobKind> }
  | { id: number; ok: false; code: ErrorCode; params: ErrorParams; detail?: string };
