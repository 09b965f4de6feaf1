// The only file that touches the FFI: binds the Win32 functions the agent
// needs with koffi. koffi is imported here, lazily, and this file itself is
// imported only on win32 (platform.ts → win32-platform.ts → here), so Linux
// and macOS never load the native module. NOT run on Windows yet.
//
// DLLs are loaded by full System32 path (as PuTTY's load_system32_dll does),
// not through the DLL search order, so a crypt32.dll next to the app or in
// the working directory is never picked up.
import { AppError } from '../../../core/app-error';
import type { Win32Api } from './win32-types';

type NativeFunction = (...args: unknown[]) => unknown;

/** The part of koffi used here; tests pass a fake. */
export interface KoffiLike {
  load(path: string): { func(definition: string): NativeFunction };
}

/**
 * C prototypes in koffi's syntax. BOOL is `int`, BOOLEAN is `uint8_t`,
 * buffers are `void *` so a Node Buffer is passed as memory and written in
 * place; `_Inout_ uint32_t *` takes a one-element array.
 */
export const WIN32_PROTOTYPES = {
  CryptProtectMemory: 'int __stdcall CryptProtectMemory(void *pDataIn, uint32_t cbDataIn, uint32_t dwFlags)',
  GetUserNameExW:
    'uint8_t __stdcall GetUserNameExW(int NameFormat, void *lpNameBuffer, _Inout_ uint32_t *nSize)',
  GetUserNameW: 'int __stdcall GetUserNameW(void *lpBuffer, _Inout_ uint32_t *pcbBuffer)',
  GetLastError: 'uint32_t __stdcall GetLastError()',
} as const;

export function systemDllPath(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = (env.SystemRoot ?? env.windir ?? 'C:\\Windows').replace(/[\\/]+$/, '');
  return `${root}\\System32\\${name}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Binds the functions; a required DLL or symbol that is missing → agent.windowsApiUnavailable. */
export function bindWin32Api(koffi: KoffiLike, env: NodeJS.ProcessEnv = process.env): Win32Api {
  const bind = (dll: string, name: keyof typeof WIN32_PROTOTYPES): NativeFunction => {
    let library: ReturnType<KoffiLike['load']>;
    try {
      library = koffi.load(systemDllPath(dll, env));
    } catch (error) {
      throw new AppError(
        'agent.windowsApiUnavailable',
        { library: dll, reason: reason(error) },
        { cause: error },
      );
    }
    try {
      return library.func(WIN32_PROTOTYPES[name]);
    } catch (error) {
      throw new AppError(
        'agent.windowsApiUnavailable',
        { library: dll, reason: `${name}: ${reason(error)}` },
        { cause: error },
      );
    }
  };
  const getLastError = bind('kernel32.dll', 'GetLastError');
  const cryptProtectMemory = bind('crypt32.dll', 'CryptProtectMemory');
  const getUserName = bind('advapi32.dll', 'GetUserNameW');
  // Optional, as in PuTTY: without secur32 the logon name is used.
  const ex = ((): NativeFunction | null => {
    try {
      return bind('secur32.dll', 'GetUserNameExW');
    } catch {
      return null;
    }
  })();
  return {
    CryptProtectMemory: (data, size, flags) => Number(cryptProtectMemory(data, size, flags)),
    GetUserNameExW: ex ? (format, buffer, size) => Number(ex(format, buffer, size)) : null,
    GetUserNameW: (buffer, size) => Number(getUserName(buffer, size)),
    GetLastError: () => Number(getLastError()),
  };
}

/** Imports koffi (its prebuilt native module) and binds the functions. */
export async function loadWin32Api(
  importKoffi: () => Promise<KoffiLike> = async () => (await import('koffi')).default,
): Promise<Win32Api> {
  let koffi: KoffiLike;
  try {
    koffi = await importKoffi();
  } catch (error) {
    throw new AppError(
      'agent.windowsApiUnavailable',
      { library: 'koffi', reason: reason(error) },
      { cause: error },
    );
  }
  return bindWin32Api(koffi);
}
