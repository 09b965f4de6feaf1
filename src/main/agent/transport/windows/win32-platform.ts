// WindowsPlatform on the real Win32 API, following PuTTY (windows/utils/
// get_username.c and cryptoapi.c): the user principal name first, the logon
// name if there is none; CryptProtectMemory with CROSS_PROCESS in place.
//
// The raw calls come in as a Win32Api (win32-koffi.ts binds them with koffi),
// so everything here runs with fakes on any OS. Imported only on win32, via
// loadWindowsPlatform() in platform.ts. NOT run on Windows yet.
import { AppError } from '../../../core/app-error';
import {
  CRYPTPROTECTMEMORY_BLOCK_SIZE,
  CRYPTPROTECTMEMORY_CROSS_PROCESS,
  type Win32Api,
  type WindowsPlatform,
} from './win32-types';

/** EXTENDED_NAME_FORMAT NameUserPrincipal (secext.h). */
export const NAME_USER_PRINCIPAL = 8;
/** UNLEN + 1 (lmcons.h): enough for any logon name. */
export const UNLEN_PLUS_ONE = 257;
export const ERROR_INSUFFICIENT_BUFFER = 122;
export const ERROR_MORE_DATA = 234;

/** UTF-16LE up to `chars` units or the first NUL, whichever comes first. */
export function decodeWide(buffer: Buffer, chars: number): string {
  const text = buffer.toString('utf16le', 0, Math.min(buffer.length, Math.max(0, chars) * 2));
  const nul = text.indexOf('\0');
  return nul >= 0 ? text.slice(0, nul) : text;
}

function callFailed(call: string, api: Win32Api): AppError {
  return new AppError('agent.windowsCallFailed', { call, code: api.GetLastError() });
}

/** GetUserNameExW(NameUserPrincipal): size query, then the name; null on any failure (like PuTTY). */
export function readUserPrincipalName(api: Win32Api): string | null {
  const getUserNameEx = api.GetUserNameExW;
  if (!getUserNameEx) return null;
  const size: [number] = [0];
  if (!getUserNameEx(NAME_USER_PRINCIPAL, null, size)) {
    // Local accounts end here with ERROR_NONE_MAPPED: no UPN, use the logon name.
    if (api.GetLastError() !== ERROR_MORE_DATA || size[0] <= 0) return null;
  }
  const buffer = Buffer.alloc(Math.max(size[0], 1) * 2);
  const written: [number] = [Math.max(size[0], 1)];
  if (!getUserNameEx(NAME_USER_PRINCIPAL, buffer, written)) return null;
  // On success nSize is the length without the terminator.
  const name = decodeWide(buffer, written[0]);
  return name.length > 0 ? name : null;
}

/** GetUserNameW with a UNLEN+1 buffer, retried once with the size Windows asks for. */
export function readUserName(api: Win32Api): string {
  let units = UNLEN_PLUS_ONE;
  let error = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    const buffer = Buffer.alloc(units * 2);
    const size: [number] = [units];
    if (api.GetUserNameW(buffer, size)) return decodeWide(buffer, size[0]);
    error = api.GetLastError();
    if (error !== ERROR_INSUFFICIENT_BUFFER || size[0] <= units) break;
    units = size[0];
  }
  throw new AppError('agent.windowsCallFailed', { call: 'GetUserNameW', code: error });
}

/** The platform over given raw calls (tests) or, by default, over koffi (Windows only). */
export async function createWin32Platform(api?: Win32Api): Promise<WindowsPlatform> {
  const win32 = api ?? (await (await import('./win32-koffi')).loadWin32Api());
  return {
    userPrincipalName: () => readUserPrincipalName(win32),
    userName: () => readUserName(win32),
    cryptProtectMemoryCrossProcess(buffer) {
      if (buffer.length === 0 || buffer.length % CRYPTPROTECTMEMORY_BLOCK_SIZE !== 0) {
        throw new RangeError(`CryptProtectMemory needs a multiple of 16 bytes, got ${buffer.length}`);
      }
      if (!win32.CryptProtectMemory(buffer, buffer.length, CRYPTPROTECTMEMORY_CROSS_PROCESS)) {
        throw callFailed('CryptProtectMemory', win32);
      }
    },
  };
}
