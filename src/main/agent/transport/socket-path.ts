// Where the UNIX socket lives, and making that place private. sun_path holds
// 104 bytes on macOS and 108 on Linux (including the NUL); an app data folder
// under a long home path can exceed that, so long paths fall back to a short
// per-user runtime folder.
import { lstat, mkdir, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../core/app-error';

/** Below both platforms' sun_path sizes, with room to spare. */
export const SAFE_SOCKET_PATH_BYTES = 100;
export const SOCKET_FILE_NAME = 'agent.sock';

export interface SocketPathChoice {
  /** The path the socket will have. */
  path: string;
  /** The caller's wish. */
  requested: string;
  /** true when `requested` was too long and the runtime folder is used. */
  fallback: boolean;
}

export interface PlatformIdentity {
  uid: number;
  env: NodeJS.ProcessEnv;
}

export function currentIdentity(): PlatformIdentity {
  return { uid: process.getuid?.() ?? -1, env: process.env };
}

export function fitsSunPath(path: string): boolean {
  return Buffer.byteLength(path, 'utf8') < SAFE_SOCKET_PATH_BYTES;
}

export function chooseSocketPath(
  requested: string,
  identity: PlatformIdentity = currentIdentity(),
): SocketPathChoice {
  if (fitsSunPath(requested)) return { path: requested, requested, fallback: false };
  const runtime = identity.env.XDG_RUNTIME_DIR;
  const candidates = [
    ...(runtime ? [join(runtime, 'fernwartung', SOCKET_FILE_NAME)] : []),
    join('/tmp', `fernwartung-${identity.uid}`, SOCKET_FILE_NAME),
  ];
  const path = candidates.find(fitsSunPath);
  if (!path) throw new AppError('agent.socketFailed', { path: requested, reason: 'path too long' });
  return { path, requested, fallback: true };
}

/**
 * Creates the socket's folder with mode 0700, or checks an existing one:
 * it must be a real directory (no symlink), owned by us. A folder of ours
 * with looser permissions is tightened; one owned by someone else (a squatter
 * in /tmp) is refused.
 */
export async function preparePrivateDirectory(dir: string, uid: number): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  if (!info.isDirectory()) {
    throw new AppError('agent.socketPathUnsafe', { path: dir, reason: 'not a directory' });
  }
  if (uid >= 0 && info.uid !== uid) {
    throw new AppError('agent.socketPathUnsafe', { path: dir, reason: `owned by uid ${info.uid}` });
  }
  if ((info.mode & 0o077) !== 0) await chmod(dir, 0o700);
}

/** `export SSH_AUTH_SOCK='...'` for POSIX shells. */
export function exportLine(path: string): string {
  return `export SSH_AUTH_SOCK='${path.replace(/'/g, `'\\''`)}'`;
}

/** An ssh_config line; `%` is a token character there and must be doubled. */
export function identityAgentSnippet(path: string): string {
  return `IdentityAgent "${path.replace(/%/g, '%%').replace(/"/g, '\\"')}"`;
}
