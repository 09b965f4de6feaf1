// Where the wizard puts keys: a folder in the user's data directory by
// default, or a path the user typed (core/user-path's rule: `~/` expanded,
// relative paths refused).
import { join } from 'node:path';
import type { NewKeyType } from '../../../shared/contract/keys';
import { pathExists } from '../../keys/files/path-exists';

const KEY_FOLDER = 'keys';

function baseKeyName(type: NewKeyType): string {
  return type === 'ed25519' ? 'id_ed25519' : 'id_rsa';
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
