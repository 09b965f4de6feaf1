// Spawns and reuses the key worker thread.
//
// Where the worker script is:
//  (a) built: the bundler emits `key-worker.js` next to the bundle that
//      contains this module, so we look for it beside `import.meta.url`.
//      (Deliberately not `new URL('./key-worker', import.meta.url)`: bundlers
//      rewrite that pattern.)
//  (b) from source (vitest, tsx): `key-worker.ts` sits beside this file. The
//      brief asked for `execArgv: ['--import', 'tsx']`, but on Node 20 a
//      worker's own --import hooks do not apply to its entry module
//      ("Unknown file extension .ts", checked on 20.20), so a two-line eval
//      bootstrap registers tsx through its public API and then imports the
//      .ts entry. Meant to work on Node 22 too (not checked: only Node 20
//      is installed here).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../core/app-error';
import { WORKER_JOB_TIMEOUT_MS } from '../limits';
import type { JobKind, JobRequest, JobResult, WorkerRequestMessage, WorkerResponseMessage } from './protocol';

/** An idle worker is kept this long for the next job (imports often come in pairs: try, then with passphrase). */
const IDLE_MS = 15_000;

/**
 * The ESM build of tsx's register API. require.resolve would give the CJS
 * build, whose register() fails inside a worker, so the path comes from the
 * `import` condition of tsx's package.json exports.
 */
function tsxEsmApiUrl(): string {
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    exports?: Record<string, { import?: { default?: string } | string }>;
  };
  const entry = manifest.exports?.['./esm/api']?.import;
  const relative = typeof entry === 'string' ? entry : entry?.default;
  if (!relative) throw new Error('tsx/esm/api not found');
  return pathToFileURL(join(dirname(packageJson), relative)).href;
}

function spawnKeyWorker(): Worker {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, 'key-worker.js');
  if (existsSync(built)) return new Worker(built);
  const source = join(here, 'key-worker.ts');
  if (existsSync(source)) {
    const tsxApi = tsxEsmApiUrl();
    const bootstrap =
      `import(${JSON.stringify(tsxApi)}).then((api) => { (api.register ?? api.default.register)(); ` +
      `return import(${JSON.stringify(pathToFileURL(source).href)}); });`;
    return new Worker(bootstrap, { eval: true });
  }
  throw new AppError('keys.workerFailed', {}, { cause: new Error(`key-worker not found in ${here}`) });
}

function usesLargeMemory(job: JobRequest): boolean {
  return job.kind === 'argon2' && job.memoryKiB > 64 * 1024;
}

interface Idle {
  worker: Worker;
  timer: NodeJS.Timeout;
}

let idle: Idle | undefined;
let nextId = 1;

function takeWorker(): Worker {
  if (idle) {
    const { worker, timer } = idle;
    idle = undefined;
    clearTimeout(timer);
    return worker;
  }
  return spawnKeyWorker();
}

function parkWorker(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  // Unref'd: an idle worker never keeps the process alive.
  worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = undefined;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { worker, timer };
}

/**
 * Runs one job in a worker thread. Resolves with the job's result or rejects
 * with an AppError (the worker's own, `keys.workerFailed` if it died, or
 * `keys.timedOut`, after which the worker is killed).
 */
export function runKeyJob<K extends JobKind>(
  job: JobRequest<K>,
  timeoutMs = WORKER_JOB_TIMEOUT_MS,
): Promise<JobResult<K>> {
  return new Promise<JobResult<K>>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = takeWorker();
    } catch (error) {
      reject(error instanceof AppError ? error : new AppError('keys.workerFailed', {}, { cause: error }));
      return;
    }
    worker.ref();
    const id = nextId++;
    const finish = (reuse: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      // WebAssembly memory never shrinks: a worker that ran a big Argon2 is not kept.
      if (reuse && !usesLargeMemory(job as JobRequest)) parkWorker(worker);
      else void worker.terminate();
    };
    const onMessage = (message: WorkerResponseMessage) => {
      if (message.id !== id) return;
      finish(true);
      if (message.ok) resolve(message.result as JobResult<K>);
      else
        reject(
          new AppError(
            message.code,
            message.params,
            message.detail ? { cause: new Error(message.detail) } : undefined,
          ),
        );
    };
    const onError = (error: Error) => {
      finish(false);
      // Uncaught in the worker: module loading or a bug, never job data.
      reject(new AppError('keys.workerFailed', {}, { cause: error }));
    };
    const onExit = (code: number) => {
      finish(false);
      reject(new AppError('keys.workerFailed', {}, { cause: new Error(`key worker exited with ${code}`) }));
    };
    const timer = setTimeout(() => {
      finish(false);
      reject(new AppError('keys.timedOut'));
    }, timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const message: WorkerRequestMessage = { id, job: job as JobRequest };
    worker.postMessage(message);
  });
}

/** Stops the idle worker now (tests, app shutdown). */
export async function shutdownKeyWorker(): Promise<void> {
  const current = idle;
  idle = undefined;
  if (current) {
    clearTimeout(current.timer);
    await current.worker.terminate();
  }
}
