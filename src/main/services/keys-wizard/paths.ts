// Where the wizard puts keys: a folder in the user's data directory by
// default, or a path the user typed (`~/` expanded, relative paths refused so
// a key never lands in whatever folder the app happens to run in).
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { NewKeyType } from '../../../shared/contract/keys';
import { expandHome } from '../../core/user-path';
import { pathExists } from '../../keys/files/path-exists';

const KEY_FOLDER = 'keys';

function baseKeyName(type: NewKeyType): string {
  return type === 'ed25519' ? 'id_ed25519' : 'id_rsa';
}

/** `~` and `~/...` mean the home folder; anything else must be absolute. Returns null when not usable. */
export function resolveUserPath(path: string, home: string = homedir()): string | null {
  // `~` alone names a folder, not a key file.
  if (path.trim() === '~') return null;
  const expanded = expandHome(path, home);
  return isAbsolute(expanded) ? resolve(expanded) : null;
}

export function publicKeyPathFor(privatePath: string): string {
  return `${privatePath}.pub`;
}

/** `id_ed25519` → `id_ed25519.ppk`, beside the OpenSSH file. */
export function ppkPathFor(privatePath: string): string {
  return `${privatePath}.ppk`;
}

/** The files a new key at `path` would write. */
export function filesOfNewKey(path: string, ppkCopy: boolean): string[] {
  return [path, publicKeyPathFor(path), ...(ppkCopy ? [ppkPathFor(path)] : [])];
}

/** The first of `files` that exists, if any. */
export async function firstExisting(files: string[]): Promise<string | undefined> {
  for (const file of files) if (await pathExists(file)) return file;
  return undefined;
}

/** `<dataDir>/keys/id_ed25519`, or `id_ed25519_2`, `_3`... when taken (with its .pub or .ppk). */
export async function freeDefaultKeyPath(dataDir: string, type: NewKeyType): Promise<string> {
  const base = join(dataDir, KEY_FOLDER, baseKeyName(type));
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}_${n}`;
    if (!(await firstExisting(filesOfNewKey(candidate, true)))) return candidate;
  }
  return `${base}_${Date.now()}`;
}
