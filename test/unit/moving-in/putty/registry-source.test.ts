// PuTTY's settings from the Windows registry through `reg.exe export`. reg.exe
// cannot run here: a fake execFile writes the export as regedit would (with
// the fixture), or fails as reg.exe does.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PuttyRegistryError,
  importPuttyRegistry,
  windowsPuttyRegistry,
} from '../../../../src/main/moving-in/putty';
import type { RunFile, RunOptions } from '../../../../src/main/moving-in/putty/registry-source';
import { generateEd25519 } from '../../../fixtures/ssh2-keys';
import { puttyHostKey, puttyRegFile, puttySession } from '../../../fixtures/putty-reg';

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'putty-registry-'));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

interface Call {
  file: string;
  args: string[];
  options: RunOptions;
}

/** A reg.exe that writes `bytes` where it is told to, or fails with `failure`. */
function fakeRegExe(bytes: Uint8Array | undefined, failure?: object): { run: RunFile; calls: Call[] } {
  const calls: Call[] = [];
  const run: RunFile = async (file, args, options) => {
    calls.push({ file, args, options });
    if (failure) throw Object.assign(new Error('reg.exe failed'), failure);
    if (bytes) writeFileSync(args[2]!, bytes);
  };
  return { run, calls };
}

const exported = puttyRegFile({
  sessions: [
    puttySession('Schule M\u00fcnchen', {
      HostName: 'schule.de',
      UserName: 'admin',
      ProxyPassword: 'geheim',
    }),
    puttySession('Switch', { HostName: 'switch.local', Protocol: 'telnet' }),
  ],
  hostKeys: [puttyHostKey(generateEd25519().public, 'schule.de')],
});

describe('windowsPuttyRegistry', () => {
  it('runs reg.exe by its full path without a window, exports PuTTY’s key, and removes the export', async () => {
    const { run, calls } = fakeRegExe(exported);
    const keys = await windowsPuttyRegistry({ execFile: run, tempDir: temp }).readKeys();
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(win32.isAbsolute(call!.file)).toBe(true);
    expect(call!.file.toLowerCase()).toMatch(/\\system32\\reg\.exe$/);
    expect(call!.args).toEqual(['export', 'HKCU\\Software\\SimonTatham\\PuTTY', expect.any(String), '/y']);
    expect(call!.args[2]!.startsWith(temp)).toBe(true);
    expect(call!.options).toEqual({ timeout: 30_000, windowsHide: true });
    // The export held a proxy password: nothing of it may stay behind.
    expect(readdirSync(temp)).toEqual([]);
    expect(keys.some((key) => key.path.endsWith('\\Sessions\\Schule%20M%FCnchen'))).toBe(true);
    expect(
      keys.every((key) => key.line === null && [...key.values.values()].every((v) => v.line === null)),
    ).toBe(true);
  });

  const failures: Array<[string, object | undefined, Uint8Array | undefined, string]> = [
    ['reg.exe exits with 1 (no such key, or refused)', { code: 1 }, undefined, 'exit1'],
    [
      'reg.exe is killed at the timeout',
      { killed: true, signal: 'SIGTERM', code: null },
      undefined,
      'timeout',
    ],
    ['there is no reg.exe', { code: 'ENOENT' }, undefined, 'ENOENT'],
    ['reg.exe writes nothing', undefined, undefined, 'ENOENT'],
    ['reg.exe writes something else', undefined, Buffer.from('\0\x01garbage'), 'notRegistryExport'],
  ];
  for (const [what, failure, bytes, reason] of failures) {
    it(`fails with reason ${reason} when ${what}, and leaves nothing behind`, async () => {
      const { run } = fakeRegExe(bytes, failure);
      const error = await windowsPuttyRegistry({ execFile: run, tempDir: temp })
        .readKeys()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PuttyRegistryError);
      expect((error as PuttyRegistryError).reason).toBe(reason);
      expect(readdirSync(temp)).toEqual([]);
    });
  }
});

describe('importPuttyRegistry', () => {
  it('maps the registry’s sessions and host keys with source registry and no lines', async () => {
    const { run } = fakeRegExe(exported);
    const findings = await importPuttyRegistry(windowsPuttyRegistry({ execFile: run, tempDir: temp }));
    expect(findings.profiles).toEqual([
      expect.objectContaining({
        origin: { source: 'registry', line: null, name: 'Schule München' },
        user: 'admin',
      }),
    ]);
    expect(findings.hostKeys).toEqual([
      expect.objectContaining({
        origin: { source: 'registry', line: null },
        host: 'schule.de',
        keyType: 'ssh-ed25519',
      }),
    ]);
    expect(findings.problems).toEqual([
      {
        source: 'registry',
        line: null,
        code: 'putty.notSsh',
        params: { session: 'Switch', protocol: 'telnet' },
      },
    ]);
  });

  it('turns a registry that cannot be read into one problem', async () => {
    const { run } = fakeRegExe(undefined, { code: 1 });
    expect(await importPuttyRegistry(windowsPuttyRegistry({ execFile: run, tempDir: temp }))).toEqual({
      profiles: [],
      hostKeys: [],
      keyFiles: [],
      problems: [
        { source: 'registry', line: null, code: 'putty.registryUnreadable', params: { reason: 'exit1' } },
      ],
    });
  });

  it('names the system error when the export cannot even start (no temporary folder)', async () => {
    const registry = {
      readKeys: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })),
    };
    expect((await importPuttyRegistry(registry)).problems).toEqual([
      { source: 'registry', line: null, code: 'putty.registryUnreadable', params: { reason: 'EACCES' } },
    ]);
  });
});
