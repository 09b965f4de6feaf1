// The name PuTTY 0.75+ clients look for Pageant under:
//   \\.\pipe\pageant.<user>.<suffix>
// <user>: the user principal name cut at '@' (fallback: the logon name).
// <suffix>: hex SHA-256 of string("Pageant\0" zero-padded to 16 bytes and
// encrypted in place by CryptProtectMemory CROSS_PROCESS) — i.e. uint32-BE 16
// followed by the 16 encrypted bytes. The encryption key is per logon
// session, so the name differs per login and cannot be guessed by others.
import { createHash } from 'node:crypto';
import { CRYPTPROTECTMEMORY_BLOCK_SIZE, type WindowsPlatform } from './win32-types';

export const PIPE_PREFIX = '\\\\.\\pipe\\';

export function pageantUserName(platform: Pick<WindowsPlatform, 'userPrincipalName' | 'userName'>): string {
  const upn = platform.userPrincipalName();
  if (upn) {
    const at = upn.indexOf('@');
    return at >= 0 ? upn.slice(0, at) : upn;
  }
  return platform.userName();
}

/** PuTTY's capi_obfuscate_string(): hides the string and its length. */
export function obfuscatedSuffix(
  realName: string,
  protect: WindowsPlatform['cryptProtectMemoryCrossProcess'],
): string {
  const plain = Buffer.from(`${realName}\0`, 'utf8');
  const size = Math.ceil(plain.length / CRYPTPROTECTMEMORY_BLOCK_SIZE) * CRYPTPROTECTMEMORY_BLOCK_SIZE;
  const buffer = Buffer.alloc(size);
  plain.copy(buffer);
  protect(buffer);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(size);
  return createHash('sha256').update(length).update(buffer).digest('hex');
}

export function pageantPipeName(platform: WindowsPlatform): string {
  return `${PIPE_PREFIX}pageant.${pageantUserName(platform)}.${obfuscatedSuffix('Pageant', (b) => platform.cryptProtectMemoryCrossProcess(b))}`;
}

/** Our own pipe for OpenSSH (`IdentityAgent`); per user, so two users on one machine do not collide. */
export function openSshPipeName(userName: string): string {
  return `${PIPE_PREFIX}fernwartung-agent-${userName.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/**
 * ssh_config line for a pipe. OpenSSH (8.9+) unescapes `\\` inside quotes, so
 * backslashes are doubled. Not verified against Windows' OpenSSH yet.
 */
export function pipeIdentityAgentSnippet(pipePath: string): string {
  return `IdentityAgent "${pipePath.replace(/\\/g, '\\\\')}"`;
}
