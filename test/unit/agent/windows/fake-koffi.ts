// A stand-in for koffi that behaves like the Win32 functions the agent binds:
// size queries, ERROR_MORE_DATA / ERROR_INSUFFICIENT_BUFFER, UTF-16 output
// written into the caller's buffer, CryptProtectMemory in place (XOR with a
// per-"logon session" key). It records every DLL load and call.
import type { KoffiLike } from '../../../../src/main/agent/transport/windows/win32-koffi';

export interface FakeWindows {
  /** null: no UPN (a local account, ERROR_NONE_MAPPED). */
  upn: string | null;
  user: string;
  /** DLL base names (e.g. "crypt32.dll") whose load fails. */
  missingDlls: string[];
  missingSymbols: string[];
  /** GetLastError() to report when CryptProtectMemory fails; 0 = it succeeds. */
  protectError: number;
  /** GetLastError() to report when GetUserNameW fails; 0 = it succeeds. */
  userNameError: number;
  sessionKey: number;
}

export interface FakeCall {
  name: string;
  args: unknown[];
  /** Copies of Buffer arguments as they were passed in. */
  before: (Buffer | null)[];
}

export const ERROR_NONE_MAPPED = 1332;

export function fakeKoffi(overrides: Partial<FakeWindows> = {}) {
  const win: FakeWindows = {
    upn: 'anna.beispiel@schule.example',
    user: 'abeispiel',
    missingDlls: [],
    missingSymbols: [],
    protectError: 0,
    userNameError: 0,
    sessionKey: 0x5a,
    ...overrides,
  };
  const loads: string[] = [];
  const calls: FakeCall[] = [];
  let lastError = 0;

  const fail = (error: number) => {
    lastError = error;
    return 0;
  };
  const writeWide = (buffer: Buffer, text: string) => {
    buffer.fill(0);
    buffer.write(`${text}\0`, 'utf16le');
  };
  const impl: Record<string, (...args: unknown[]) => unknown> = {
    GetLastError: () => lastError,
    CryptProtectMemory(data, size, _flags) {
      if (win.protectError) return fail(win.protectError);
      const buffer = data as Buffer;
      for (let i = 0; i < (size as number); i++) buffer[i] = buffer[i]! ^ ((win.sessionKey + i * 7) & 0xff);
      return 1;
    },
    GetUserNameExW(_format, buffer, size) {
      const sizeRef = size as [number];
      if (win.upn === null) return fail(ERROR_NONE_MAPPED);
      if (buffer === null || sizeRef[0] < win.upn.length + 1) {
        sizeRef[0] = win.upn.length + 1;
        lastError = 234;
        return 0;
      }
      writeWide(buffer as Buffer, win.upn);
      sizeRef[0] = win.upn.length;
      return 1;
    },
    GetUserNameW(buffer, size) {
      const sizeRef = size as [number];
      if (win.userNameError) return fail(win.userNameError);
      if (sizeRef[0] < win.user.length + 1) {
        sizeRef[0] = win.user.length + 1;
        lastError = 122;
        return 0;
      }
      writeWide(buffer as Buffer, win.user);
      sizeRef[0] = win.user.length + 1;
      return 1;
    },
  };

  const koffi: KoffiLike = {
    load(path) {
      loads.push(path);
      const dll = path.split('\\').pop()!;
      if (win.missingDlls.includes(dll)) throw new Error(`Failed to load shared library: ${dll}`);
      return {
        func(definition) {
          const name = /\s(\w+)\(/.exec(definition)?.[1] ?? '?';
          if (win.missingSymbols.includes(name) || !impl[name]) {
            throw new Error(`Cannot find function '${name}' in shared library`);
          }
          const fn = impl[name];
          return (...args: unknown[]) => {
            if (name !== 'GetLastError') {
              calls.push({
                name,
                args: args.map((a) => (Array.isArray(a) ? [...(a as unknown[])] : a)),
                before: args.map((a) => (Buffer.isBuffer(a) ? Buffer.from(a) : null)),
              });
            }
            return fn(...args);
          };
        },
      };
    },
  };
  return { koffi, win, loads, calls };
}

/** What the fake CryptProtectMemory makes of a buffer. */
export function fakeEncrypt(plain: Buffer, sessionKey = 0x5a): Buffer {
  return Buffer.from(plain.map((b, i) => b ^ ((sessionKey + i * 7) & 0xff)));
}
