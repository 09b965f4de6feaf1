// Entry of the key worker thread: key generation and every key derivation
// (bcrypt, Argon2, SHA-1) run here so the main process never blocks. A thin
// loop: one message in, one message out; no state between jobs.
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../core/app-error';
import { runJobHere } from './jobs';
import type { WorkerRequestMessage, WorkerResponseMessage } from './protocol';

const port = parentPort;
if (!port) throw new Error('key-worker must run in a worker thread');

port.on('message', (message: WorkerRequestMessage) => {
  runJobHere(message.job).then(
    (result) => port.postMessage({ id: message.id, ok: true, result } satisfies WorkerResponseMessage),
    (error: unknown) => {
      // Only codes and parameters cross; never a passphrase or key material.
      const response: WorkerResponseMessage = isAppError(error)
        ? {
            id: message.id,
            ok: false,
            code: error.code,
            params: error.params,
            detail: error.cause instanceof Error ? error.cause.message : undefined,
          }
        : {
            id: message.id,
            ok: false,
            code: 'keys.workerFailed',
            params: {},
            detail: error instanceof Error ? error.name : undefined,
          };
      port.postMessage(response);
    },
  );
});
