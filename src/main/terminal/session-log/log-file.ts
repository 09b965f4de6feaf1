// A new log file, never an existing one: created exclusively (O_EXCL, so no
// earlier log is overwritten and no planted link followed), owner-only, in a
// folder created owner-only. A name that is taken gets a counter:
// `name.log`, `name-2.log`, `name-3.log` …
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { withCounter } from '../../../shared/model/session-log-name';

/** Past this many taken names something else is wrong (a folder full of logs of one second). */
const MAX_COUNTER = 10_000;

export interface LogFile {
  handle: FileHandle;
  path: string;
  /** 1 for the name itself, n for `-n`. */
  counter: number;
}

/** Creates the folder if needed (0700; an existing folder is left as it is) and the first free name from `counter` on. */
export async function createLogFile(folder: string, name: string, counter = 1): Promise<LogFile> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  for (let n = Math.max(1, counter); n <= MAX_COUNTER; n++) {
    const path = join(folder, withCounter(name, n));
    try {
      return { handle: await open(path, 'wx', 0o600), path, counter: n };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw Object.assign(new Error(`${MAX_COUNTER} log files named ${name} exist`), { code: 'EEXIST' });
}
