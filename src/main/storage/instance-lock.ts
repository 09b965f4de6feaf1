// One app per data folder: the headless host and the desktop app on the same
// folder would each keep the documents in memory and overwrite the other's
// changes. The second start refuses (AppError `storage.dataFolderInUse`).
//
// Why a lock file with the holder's pid, checked for a live process, and not
// a listening socket or pipe: the backend is built synchronously (the shells
// and tests call `createBackend` without awaiting), and Node can create a
// file exclusively and ask whether a process lives synchronously, but cannot
// listen or connect synchronously. The lock dies with its process because a
// holder that is gone is detected, not because the file disappears:
// - `process.kill(pid, 0)` asks the OS whether the pid lives (POSIX kill(2);
//   on Windows libuv opens the process and checks for STILL_ACTIVE), without
//   sending a signal. EPERM means it lives under another user.
// - A pid can be reused. The file records which boot the holder ran in, and
//   on Linux its exact identity (boot id + start time from /proc), so a pid
//   of the previous boot or a new process with the same pid is stale. On
//   macOS and Windows a reused pid within the same boot makes a false
//   "in use"; that is the safe direction, and the message names the pid.
// - Creation is `O_EXCL` ('wx'), so of two starts only one creates the file.
//   A stale file is renamed away under a unique name before the retry, so two
//   starts that both found it stale cannot both remove it and both win: the
//   second rename finds nothing (or the winner's fresh file, which it puts back).
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../core/app-error';

export const LOCK_FILE = 'instance.lock';

/** Seconds two estimates of the boot time may differ and still be the same boot (clock adjustments). */
const SAME_BOOT_SECONDS = 120;

interface LockRecord {
  pid: number;
  token: string;
  /** Estimated boot time, ms since the epoch. */
  boot: number;
  /** Linux: `<boot id>:<start time in ticks>`, exact. */
  identity?: string;
}

export interface InstanceLock {
  readonly path: string;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): void;
}

/** How a holder is checked; tests replace nothing here, they use real processes. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function linuxIdentity(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (start time); the command name before it may contain spaces, so count from its ')'.
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTime ? `${bootId}:${startTime}` : undefined;
  } catch {
    return undefined;
  }
}

const bootTime = () => Date.now() - uptime() * 1000;

function readRecord(path: string): LockRecord | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockRecord>;
    if (typeof value.pid !== 'number' || typeof value.token !== 'string' || typeof value.boot !== 'number') {
      return undefined;
    }
    return value as LockRecord;
  } catch {
    return undefined;
  }
}

/** Tokens of the locks this process holds, so its own released locks read as stale. */
const held = new Map<string, string>();

/** Linux: a killed process whose parent has not collected it yet still answers kill(pid, 0). */
function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

function holderLives(record: LockRecord, path: string): boolean {
  if (record.pid === process.pid) return held.get(path) === record.token;
  if (!isAlive(record.pid) || isZombie(record.pid)) return false;
  if (Math.abs(record.boot - bootTime()) > SAME_BOOT_SECONDS * 1000) return false;
  const identity = linuxIdentity(record.pid);
  if (record.identity && identity) return record.identity === identity;
  return true;
}

function create(path: string, record: LockRecord): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(record));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Moves a stale lock out of the way; puts back a live one that replaced it meanwhile. */
function removeStale(path: string, stale: LockRecord | undefined): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // Someone else moved it.
  }
  const moved = readRecord(aside);
  if (moved && moved.token !== stale?.token && holderLives(moved, path)) {
    // Another start won between our check and the rename: give its lock back.
    try {
      linkSync(aside, path);
    } catch {
      // A third start took the name; its lock stands.
    }
  }
  rmSync(aside, { force: true });
}

let exitHook = false;
function releaseAllOnExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const [path, token] of held) if (readRecord(path)?.token === token) rmSync(path, { force: true });
  });
}

/** Takes the data folder's lock or throws `storage.dataFolderInUse`. */
export function acquireInstanceLock(dataDir: string): InstanceLock {
  const path = join(dataDir, LOCK_FILE);
  const record: LockRecord = {
    pid: process.pid,
    token: randomBytes(16).toString('hex'),
    boot: bootTime(),
  };
  const identity = linuxIdentity(process.pid);
  if (identity) record.identity = identity;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (create(path, record)) {
      held.set(path, record.token);
      releaseAllOnExit();
      return {
        path,
        release() {
          if (held.get(path) !== record.token) return;
          held.delete(path);
          if (readRecord(path)?.token === record.token) rmSync(path, { force: true });
        },
      };
    }
    const holder = readRecord(path);
    // A file being written this very moment reads as empty: give it a moment before calling it stale.
    if (holder && holderLives(holder, path)) {
      throw new AppError('storage.dataFolderInUse', { folder: dataDir, pid: holder.pid });
    }
    if (!holder && existsSync(path) && attempt === 0) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      continue;
    }
    removeStale(path, holder);
  }
  throw new AppError('storage.dataFolderInUse', { folder: dataDir, pid: readRecord(path)?.pid ?? 0 });
}
