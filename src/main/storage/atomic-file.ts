// The one way the app replaces a file it owns: write a new owner-only temp
// file next to it, flush it to disk, then rename it over the old one. Until
// the rename the old file stays whole; after it the new one is whole, so a
// crash or power loss leaves one or the other, never half of each.
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

const TEMP_MARK = '.tmp-';

/** Windows refuses a rename while a virus scanner or indexer holds the file open for a moment. */
const BUSY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function renameRetrying(from: string, to: string): void {
  for (let attempt = 0; ; attempt += 1) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !BUSY_CODES.has(code) || attempt >= 10) throw error;
      pause(20 * (attempt + 1));
    }
  }
}

/** Flushes the folder so the rename itself survives a power loss (POSIX; Windows cannot open folders). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `data` into a new owner-only temp file next to `path`, flushed to disk; returns its name. */
function writeTemp(path: string, data: string | Uint8Array, mode: number): string {
  const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  // 'wx': never follow or reuse something already at the temp name.
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return temp;
}

/** Replaces `path` with `data` atomically; the new file is created 0600 (owner only). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = writeTemp(path, data, mode);
  try {
    renameRetrying(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

/** Link errors of file systems without hard links (FAT, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Creates `path` whole or not at all and never replaces an existing file
 * (throws EEXIST): the temp file is linked to the name, which fails if the
 * name is taken. Without hard links, an exclusive create and write instead.
 */
export function createFileAtomicSync(path: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = writeTemp(path, data, mode);
  try {
    linkSync(temp, path);
  } catch (error) {
    if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    const fd = openSync(path, 'wx', mode);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(temp, { force: true });
  }
  syncFolder(dirname(path));
}

/** Removes temp files a crash left behind while replacing `path` (they never replaced it, so nothing is lost). */
export function removeLeftoverTemps(path: string): void {
  const prefix = `${basename(path)}${TEMP_MARK}`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    try {
      unlinkSync(join(dirname(path), name));
    } catch {
      // Another process's temp (the instance lock prevents that) or gone already.
    }
  }
}
