// PuTTY's settings straight from the Windows registry. Node has no registry
// API, so `reg.exe export` writes PuTTY's key to a .reg file, which the same
// parser reads as a picked file. The export holds whatever PuTTY keeps
// (a saved proxy password too), so it goes into a private temporary folder
// that is removed whatever happens.
//
// reg.exe cannot run on the build machine: this is tested with a fake
// `execFile` only (test/unit/moving-in/putty/registry-source.test.ts).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { promisify } from 'node:util';
import { parseRegFile } from './reg-file';
import { decodeRegText } from './reg-text';
import { PUTTY_REGISTRY_KEY } from './putty-tree';
import { withoutLines, type RegistryKey } from './registry-key';

/** PuTTY's keys, wherever they come from; the lines are null (a registry has none). */
export interface PuttyRegistry {
  readKeys(): Promise<RegistryKey[]>;
}

/** Thrown by `readKeys` when the registry could not be read; `reason` names why, for the user. */
export class PuttyRegistryError extends Error {
  constructor(readonly reason: string) {
    super(`PuTTY's registry key could not be read: ${reason}`);
    this.name = 'PuttyRegistryError';
  }
}

export interface RunOptions {
  timeout: number;
  windowsHide: boolean;
}
/** Runs a program without a shell; rejects like node's execFile (`code`, `killed`). */
export type RunFile = (file: string, args: string[], options: RunOptions) => Promise<unknown>;

export interface WindowsRegistryOptions {
  execFile?: RunFile;
  /** Where the private temporary folder goes; the system's by default. */
  tempDir?: string;
  timeoutMs?: number;
}

const defaultRun: RunFile = promisify(execFile);

export function windowsPuttyRegistry(options: WindowsRegistryOptions = {}): PuttyRegistry {
  const run = options.execFile ?? defaultRun;
  // By full path: a reg.exe elsewhere on PATH (or in the working folder) is not run.
  const regExe = win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
  return {
    async readKeys() {
      const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'fernwartung-putty-'));
      try {
        const file = join(dir, 'putty.reg');
        try {
          await run(regExe, ['export', PUTTY_REGISTRY_KEY, file, '/y'], {
            timeout: options.timeoutMs ?? 30_000,
            windowsHide: true,
          });
        } catch (error) {
          throw new PuttyRegistryError(reasonOf(error));
        }
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch (error) {
          throw new PuttyRegistryError(reasonOf(error));
        }
        const parsed = parseRegFile(decodeRegText(bytes).text, 'registry');
        if (parsed.problems.some((problem) => problem.code === 'reg.notRegistryExport')) {
          throw new PuttyRegistryError('notRegistryExport');
        }
        return parsed.keys.map(withoutLines);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** `timeout`, a system error code (`ENOENT`: no reg.exe), or `exit<code>`: reg.exe says 1 also when PuTTY never saved anything. */
function reasonOf(error: unknown): string {
  const failure = error as { code?: unknown; killed?: boolean; signal?: unknown };
  if (failure.killed) return 'timeout';
  if (typeof failure.code === 'string') return failure.code;
  if (typeof failure.code === 'number') return `exit${failure.code}`;
  return 'unknown';
}
