// The Windows calls the agent needs and Node does not offer, behind an
// interface so the logic around them is testable on any OS.
//
// The real implementation is win32-platform.ts (logic) over win32-koffi.ts
// (the only file that touches the FFI). Both are imported lazily by
// loadWindowsPlatform() and only on win32, so Linux and macOS never load koffi.
// Not run on Windows yet: see docs/WINDOWS.md.
import { AppError } from '../../../core/app-error';

/**
 * dwFlags value of CryptProtectMemory: usable by every process of the same
 * logon session. dpapi.h: SAME_PROCESS 0x0, CROSS_PROCESS 0x1, SAME_LOGON 0x2;
 * PuTTY uses CROSS_PROCESS, so must we, or the pipe name differs.
 */
export const CRYPTPROTECTMEMORY_CROSS_PROCESS = 0x1;
export const CRYPTPROTECTMEMORY_BLOCK_SIZE = 16;

export interface WindowsPlatform {
  /** GetUserNameExW(NameUserPrincipal): `name@domain`, or null where there is none (local accounts). */
  userPrincipalName(): string | null;
  /** GetUserNameW: the logon name. */
  userName(): string;
  /**
   * CryptProtectMemory(buffer, length, CRYPTPROTECTMEMORY_CROSS_PROCESS):
   * encrypts in place; length is a multiple of 16. Throws on failure.
   */
  cryptProtectMemoryCrossProcess(buffer: Buffer): void;
}

/**
 * The native platform, loaded on demand. Off Windows it refuses without
 * importing anything native (`agent.platformUnsupported`); on Windows the
 * FFI is imported here for the first time.
 */
export async function loadWindowsPlatform(
  platform: NodeJS.Platform = process.platform,
  load: () => Promise<WindowsPlatform> = async () => (await import('./win32-platform')).createWin32Platform(),
): Promise<WindowsPlatform> {
  if (platform !== 'win32') {
    throw new AppError('agent.platformUnsupported', { feature: 'Windows API (Pageant pipe name)' });
  }
  return load();
}
