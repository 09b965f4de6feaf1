// Writing a private key file: owner-only from its first byte, atomic (a temp
// file in the same folder, renamed over the target only once it is whole, so
// an old key survives a crash), and never silently overwriting.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError, isAppError } from '../../core/app-error';
import { PermissionCommandError, platformPermissions, type OwnerOnlyPermissions } from './owner-only';
import { errnoCode, pathExists } from './path-exists';

export interface WritePrivateKeyOptions {
  overwrite: boolean;
  /** Injected in tests; defaults to the running platform's. */
  permissions?: OwnerOnlyPermissions;
}

/** Creates missing parent folders one by one, each restricted to the owner. */
async function ensureParent(dir: string, permissions: OwnerOnlyPermissions): Promise<void> {
  const missing: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    try {
      await stat(current);
      break;
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT' || dirname(current) === current) throw error;
      missing.unshift(current);
    }
  }
  for (const folder of missing) {
    try {
      await mkdir(folder, { mode: 0o700 });
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
      continue; // made by someone else meanwhile: not ours to restrict
    }
    await permissions.restrictDirectory(folder);
  }
}

export async function writePrivateKeyFile(
  path: string,
  contents: string,
  options: WritePrivateKeyOptions,
): Promise<void> {
  const permissions = options.permissions ?? platformPermissions();
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let tempCreated = false;
  try {
    if (!options.overwrite && (await pathExists(path))) throw new AppError('keys.fileExists', { path });
    await ensureParent(dir, permissions);

    // O_EXCL: never write through a file or link someone planted at the temp name.
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    tempCreated = true;
    try {
      // Restrict before the secret goes in. On POSIX, open() already gave
      // 0600 (the umask can only narrow it); on Windows the inherited ACL must
      // go first (not verified on Windows, see owner-only.ts).
      await permissions.restrictFile(temp);
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }

    if (options.overwrite) {
      await rename(temp, path);
    } else {
      // link() fails with EEXIST if the target appeared meanwhile: no clobbering, no race.
      try {
        await link(temp, path);
      } catch (error) {
        if (errnoCode(error) === 'EEXIST') throw new AppError('keys.fileExists', { path });
        // File systems without hard links (FAT, some shares; not tried here): check, then rename.
        if (await pathExists(path)) throw new AppError('keys.fileExists', { path });
        await rename(temp, path);
      }
    }
    await syncDirectory(dir);
  } catch (error) {
    if (isAppError(error)) throw error;
    if (error instanceof PermissionCommandError) {
      throw new AppError('keys.permissionsFailed', { path }, { cause: error });
    }
    throw new AppError('keys.writeFailed', { path, reason: errnoCode(error) }, { cause: error });
  } finally {
    if (tempCreated) await unlink(temp).catch(() => undefined);
  }
}

/** Makes the rename durable (POSIX). Skipped on Windows, where folders cannot be opened for sync (not verified here). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: some file systems refuse fsync on folders.
  }
}
