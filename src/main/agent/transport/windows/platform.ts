// The Windows calls the agent needs and Node does not offer, behind an
// interface so the logic around them is testable on any OS.
//
// TODO(windows): implement with an FFI (koffi is the candidate: prebuilt for
// Electron, no rebuild). Not added here: the dependency was not installed in
// this tree and nothing of this was run on Windows. Sketch:
//   const crypt32 = koffi.load('crypt32.dll');
//   const CryptProtectMemory = crypt32.func('bool __stdcall CryptProtectMemory(_Inout_ uint8_t *p, uint32 n, uint32 flags)');
//   CryptProtectMemory(buf, buf.length, CRYPTPROTECTMEMORY_CROSS_PROCESS);
//   secur32 GetUserNameExW(NameUserPrincipal = 8, ...), advapi32 GetUserNameW.

/** dwFlags value of CryptProtectMemory: usable by every process of the same logon session. */
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

export function unavailableWindowsPlatform(): WindowsPlatform {
  const fail = (): never => {
    throw new Error('Windows platform calls are not implemented (see transport/windows/platform.ts)');
  };
  return { userPrincipalName: fail, userName: fail, cryptProtectMemoryCrossProcess: fail };
}
