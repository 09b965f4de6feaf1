// The data folder holds e-mail, phone number, profiles, known hosts, sealed
// passphrases and logs: only its owner may read it, whoever made it. A folder
// created by hand or by an older version with 0755 is tightened to 0700 and
// the user is told; files and folders the app keeps inside it become 0600 and
// 0700. Windows: the folder lives under the user's profile, whose ACL already
// admits only the user (and SYSTEM, Administrators); chmod there only toggles
// read-only, so the mode checks are POSIX-only.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StorageNotice } from './notices';

/** What the app keeps in the data folder; others (Chromium's caches in Electron's userData) are left alone. */
const OWN_FILE = /^(settings|profiles|known-hosts|vault|window-state)\.json(\.corrupt-.*)?$|^instance\.lock$/;
const OWN_FOLDERS = ['logs', 'agent', 'keys'];

function mode(path: string): number | undefined {
  try {
    const info = lstatSync(path);
    // Never chmod through a link: it could point anywhere.
    return info.isSymbolicLink() ? undefined : info.mode & 0o777;
  } catch {
    return undefined;
  }
}

function tighten(path: string, wanted: number): boolean {
  const current = mode(path);
  if (current === undefined || (current & ~wanted) === 0) return false;
  chmodSync(path, current & wanted);
  return true;
}

/** Tightens a folder the app owns, and everything in it, to the owner. */
function tightenTree(folder: string): void {
  if (mode(folder) === undefined) return;
  tighten(folder, 0o700);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) tightenTree(path);
    else if (entry.isFile()) tighten(path, 0o600);
    // A socket (the agent's) keeps its mode: its folder, 0700, already guards it.
  }
}

/**
 * Creates the data folder owner-only, or tightens an existing one; reports a
 * folder that was open to others, since its files may have been read.
 */
export function prepareDataFolder(
  dataDir: string,
  report: (notice: StorageNotice) => void,
  platform: NodeJS.Platform = process.platform,
): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (platform === 'win32') return;
  const before = mode(dataDir);
  if (before !== undefined && tighten(dataDir, 0o700)) {
    report({
      code: 'storage.folderTightened',
      params: { folder: dataDir, mode: before.toString(8).padStart(4, '0') },
    });
  }
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const path = join(dataDir, entry.name);
    if (entry.isFile() && OWN_FILE.test(entry.name)) tighten(path, 0o600);
    else if (entry.isDirectory() && OWN_FOLDERS.includes(entry.name)) tightenTree(path);
  }
}
