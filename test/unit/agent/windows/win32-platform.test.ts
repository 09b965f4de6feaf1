// The Win32 platform (user name, CryptProtectMemory) with koffi replaced by a
// fake that behaves like the Windows functions. Nothing here runs Windows:
// it checks our side of the calls (order, arguments, buffers, errors).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agentErrorTexts } from '../../../../src/renderer/i18n/errors/agent';
import { pageantPipeName } from '../../../../src/main/agent/transport/windows/pageant-pipe-name';
import { CRYPTPROTECTMEMORY_CROSS_PROCESS } from '../../../../src/main/agent/transport/windows/win32-types';
import {
  bindWin32Api,
  loadWin32Api,
  systemDllPath,
  WIN32_PROTOTYPES,
} from '../../../../src/main/agent/transport/windows/win32-koffi';
import {
  createWin32Platform,
  decodeWide,
  NAME_USER_PRINCIPAL,
} from '../../../../src/main/agent/transport/windows/win32-platform';
import { fakeEncrypt, fakeKoffi, type FakeWindows } from './fake-koffi';

const env = { SystemRoot: 'C:\\Windows' };

async function platformWith(overrides: Partial<FakeWindows> = {}) {
  const fake = fakeKoffi(overrides);
  const platform = await createWin32Platform(bindWin32Api(fake.koffi, env));
  return { ...fake, platform };
}

describe('Win32 platform over a fake koffi', () => {
  it('loads the four DLLs from System32 by full path', async () => {
    const { loads } = await platformWith();
    expect(loads).toEqual([
      'C:\\Windows\\System32\\kernel32.dll',
      'C:\\Windows\\System32\\crypt32.dll',
      'C:\\Windows\\System32\\advapi32.dll',
      'C:\\Windows\\System32\\secur32.dll',
    ]);
    expect(systemDllPath('crypt32.dll', { SystemRoot: 'D:\\WIN\\' })).toBe('D:\\WIN\\System32\\crypt32.dll');
    expect(systemDllPath('crypt32.dll', { windir: 'E:\\Windows' })).toBe(
      'E:\\Windows\\System32\\crypt32.dll',
    );
    expect(systemDllPath('crypt32.dll', {})).toBe('C:\\Windows\\System32\\crypt32.dll');
  });

  it('declares the Win32 prototypes with the right names and types', () => {
    expect(WIN32_PROTOTYPES.CryptProtectMemory).toMatch(/^int __stdcall CryptProtectMemory\(void \*/);
    expect(WIN32_PROTOTYPES.GetUserNameExW).toMatch(
      /^uint8_t __stdcall GetUserNameExW\(int .*_Inout_ uint32_t \*/,
    );
    expect(WIN32_PROTOTYPES.GetUserNameW).toMatch(
      /^int __stdcall GetUserNameW\(void \*.*_Inout_ uint32_t \*/,
    );
    // dpapi.h: SAME_PROCESS 0, CROSS_PROCESS 1, SAME_LOGON 2 — PuTTY uses CROSS_PROCESS.
    expect(CRYPTPROTECTMEMORY_CROSS_PROCESS).toBe(1);
    expect(NAME_USER_PRINCIPAL).toBe(8);
  });

  it('computes the Pageant pipe name: UPN cut at @, 16-byte "Pageant\\0" encrypted in place, SHA-256', async () => {
    const { platform, calls } = await platformWith();
    const name = pageantPipeName(platform);

    expect(calls.map((c) => c.name)).toEqual(['GetUserNameExW', 'GetUserNameExW', 'CryptProtectMemory']);
    // Size query first (no buffer), then the real call with room for name + NUL.
    expect(calls[0]!.args).toEqual([NAME_USER_PRINCIPAL, null, [0]]);
    expect(calls[1]!.args[0]).toBe(NAME_USER_PRINCIPAL);
    expect(calls[1]!.args[2]).toEqual(['anna.beispiel@schule.example'.length + 1]);

    const protect = calls[2]!;
    const plain = Buffer.from('Pageant\0\0\0\0\0\0\0\0\0', 'latin1');
    expect(plain).toHaveLength(16);
    expect(protect.before[0]).toEqual(plain);
    expect(protect.args[1]).toBe(16);
    expect(protect.args[2]).toBe(CRYPTPROTECTMEMORY_CROSS_PROCESS);
    // Encrypted in place: the buffer passed in now holds the ciphertext.
    expect(protect.args[0]).toEqual(fakeEncrypt(plain));

    const suffix = createHash('sha256')
      .update(Buffer.from([0, 0, 0, 16]))
      .update(fakeEncrypt(plain))
      .digest('hex');
    expect(name).toBe(`\\\\.\\pipe\\pageant.anna.beispiel.${suffix}`);
  });

  it('differs per logon session key', async () => {
    const a = pageantPipeName((await platformWith({ sessionKey: 1 })).platform);
    const b = pageantPipeName((await platformWith({ sessionKey: 2 })).platform);
    expect(a).not.toBe(b);
  });

  it('uses a UPN without @ as it is', async () => {
    const { platform } = await platformWith({ upn: 'techniker' });
    expect(platform.userPrincipalName()).toBe('techniker');
    expect(pageantPipeName(platform)).toMatch(/^\\\\\.\\pipe\\pageant\.techniker\.[0-9a-f]{64}$/);
  });

  it('falls back to GetUserNameW for a local account (no UPN, ERROR_NONE_MAPPED)', async () => {
    const { platform, calls } = await platformWith({ upn: null, user: 'Techniker' });
    expect(pageantPipeName(platform)).toMatch(/^\\\\\.\\pipe\\pageant\.Techniker\.[0-9a-f]{64}$/);
    expect(calls.map((c) => c.name)).toEqual(['GetUserNameExW', 'GetUserNameW', 'CryptProtectMemory']);
    expect(calls[1]!.args[1]).toEqual([257]);
  });

  it('falls back to GetUserNameW when secur32.dll or GetUserNameExW is missing', async () => {
    const noDll = await platformWith({ missingDlls: ['secur32.dll'] });
    expect(noDll.platform.userPrincipalName()).toBeNull();
    expect(pageantPipeName(noDll.platform)).toMatch(/^\\\\\.\\pipe\\pageant\.abeispiel\./);
    const noSymbol = await platformWith({ missingSymbols: ['GetUserNameExW'] });
    expect(noSymbol.platform.userPrincipalName()).toBeNull();
    expect(noSymbol.platform.userName()).toBe('abeispiel');
  });

  it('retries GetUserNameW once with the size Windows asks for', async () => {
    const long = 'x'.repeat(300);
    const { platform, calls } = await platformWith({ upn: null, user: long });
    expect(platform.userName()).toBe(long);
    expect(calls.filter((c) => c.name === 'GetUserNameW').map((c) => c.args[1])).toEqual([[257], [301]]);
  });

  it('reads non-ASCII names as UTF-16', async () => {
    const { platform } = await platformWith({ upn: 'jürgen.öztürk@schule.example' });
    expect(platform.userPrincipalName()).toBe('jürgen.öztürk@schule.example');
    expect(decodeWide(Buffer.from('ab\0cd', 'utf16le'), 5)).toBe('ab');
    expect(decodeWide(Buffer.from('abcd', 'utf16le'), 2)).toBe('ab');
  });

  it('refuses a buffer that is not whole 16-byte blocks without calling Windows', async () => {
    const { platform, calls } = await platformWith();
    expect(() => platform.cryptProtectMemoryCrossProcess(Buffer.alloc(15))).toThrow(RangeError);
    expect(() => platform.cryptProtectMemoryCrossProcess(Buffer.alloc(0))).toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });
});

describe('Win32 platform errors', () => {
  it('a missing required DLL → agent.windowsApiUnavailable naming it', async () => {
    for (const dll of ['crypt32.dll', 'advapi32.dll', 'kernel32.dll']) {
      const fake = fakeKoffi({ missingDlls: [dll] });
      expect(() => bindWin32Api(fake.koffi, env)).toThrow(
        expect.objectContaining({
          code: 'agent.windowsApiUnavailable',
          params: expect.objectContaining({ library: dll }),
        }),
      );
    }
    const fake = fakeKoffi({ missingSymbols: ['CryptProtectMemory'] });
    expect(() => bindWin32Api(fake.koffi, env)).toThrow(
      expect.objectContaining({
        code: 'agent.windowsApiUnavailable',
        params: expect.objectContaining({
          library: 'crypt32.dll',
          reason: expect.stringContaining('CryptProtectMemory'),
        }),
      }),
    );
  });

  it('koffi that cannot be loaded → agent.windowsApiUnavailable for "koffi"', async () => {
    await expect(
      loadWin32Api(() => Promise.reject(new Error('Cannot find the native Koffi module'))),
    ).rejects.toMatchObject({ code: 'agent.windowsApiUnavailable', params: { library: 'koffi' } });
  });

  it('CryptProtectMemory failing → agent.windowsCallFailed with GetLastError', async () => {
    const { platform } = await platformWith({ protectError: 87 });
    expect(() => pageantPipeName(platform)).toThrow(
      expect.objectContaining({
        code: 'agent.windowsCallFailed',
        params: { call: 'CryptProtectMemory', code: 87 },
      }),
    );
  });

  it('GetUserNameW failing (no UPN either) → agent.windowsCallFailed', async () => {
    const { platform } = await platformWith({ upn: null, userNameError: 5 });
    expect(() => pageantPipeName(platform)).toThrow(
      expect.objectContaining({ code: 'agent.windowsCallFailed', params: { call: 'GetUserNameW', code: 5 } }),
    );
  });

  it('both codes have German and English texts using their parameters', () => {
    for (const lang of ['de', 'en'] as const) {
      expect(agentErrorTexts[lang]['agent.windowsApiUnavailable']).toMatch(/\{\{library\}\}.*\{\{reason\}\}/);
      expect(agentErrorTexts[lang]['agent.windowsCallFailed']).toMatch(/\{\{call\}\}.*\{\{code\}\}/);
    }
    expect(agentErrorTexts.de['agent.windowsCallFailed']).toContain('fehlgeschlagen');
  });
});
