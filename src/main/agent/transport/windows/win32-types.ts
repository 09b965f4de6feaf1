// The shapes shared by the Windows agent code: the platform interface the
// agent uses, the raw Win32 functions the FFI binds, and their constants.
// Kept apart so platform.ts, win32-platform.ts and win32-koffi.ts each
// import them from below instead of from each other.

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
 * The Win32 functions as the FFI exposes them: BOOL/BOOLEAN results as
 * numbers (non-zero is success), buffers as Node Buffers written in place,
 * `_Inout_ DWORD *` as a one-element array.
 */
export interface Win32Api {
  /** crypt32.dll */
  CryptProtectMemory(data: Buffer, size: number, flags: number): number;
  /** secur32.dll; null when that DLL or the symbol could not be loaded (then: logon name). */
  GetUserNameExW: ((format: number, buffer: Buffer | null, size: [number]) => number) | null;
  /** advapi32.dll; size in UTF-16 units including the terminator. */
  GetUserNameW(buffer: Buffer, size: [number]): number;
  /** kernel32.dll; koffi keeps the last error of the previous call (since 2.6.10). */
  GetLastError(): number;
}
