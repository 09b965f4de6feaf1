import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectSourceKind } from '../../../src/main/moving-in/detect-source';
import { readSourceFile } from '../../../src/main/moving-in/source-file';

const dir = mkdtempSync(join(tmpdir(), 'fw-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a picked file', () => {
  it('refuses a 100 MB file without reading it', async () => {
    const file = join(dir, 'huge.reg');
    writeFileSync(file, '');
    truncateSync(file, 100 * 1024 * 1024); // sparse: costs no disk
    const started = Date.now();
    const read = await readSourceFile(file);
    expect(read).toEqual({
      ok: false,
      problem: { source: file, line: null, code: 'import.fileTooLarge', params: { limitMiB: 16 } },
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a binary file, a folder and a missing file with the reason', async () => {
    const binary = join(dir, 'putty.exe');
    writeFileSync(binary, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]));
    expect(await readSourceFile(binary)).toMatchObject({ ok: false, problem: { code: 'import.fileBinary' } });
    expect(await readSourceFile(dir)).toMatchObject({
      ok: false,
      problem: { code: 'import.fileUnreadable', params: { reason: 'notAFile' } },
    });
    expect(await readSourceFile(join(dir, 'gone'))).toMatchObject({
      ok: false,
      problem: { code: 'import.fileUnreadable', params: { reason: 'ENOENT' } },
    });
  });

  it('reads UTF-16 with its byte order mark although it holds NUL bytes', async () => {
    const file = join(dir, 'utf16.reg');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('REGEDIT', 'utf16le')]));
    expect(await readSourceFile(file)).toMatchObject({ ok: true });
  });
});

describe('telling the sources apart by content', () => {
  const text = (s: string) => Buffer.from(s, 'utf8');
  it('knows a registry export in UTF-16, UTF-8 with BOM and the old ANSI form', () => {
    const v5 = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software]\r\n';
    expect(detectSourceKind(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(v5, 'utf16le')]))).toBe(
      'puttyReg',
    );
    expect(detectSourceKind(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(v5)]))).toBe('puttyReg');
    expect(detectSourceKind(text('REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Software]\r\n'))).toBe('puttyReg');
  });

  it('knows known_hosts lines (plain, hashed, marked) and ssh configs', () => {
    expect(detectSourceKind(text('# mine\nschule.de ssh-ed25519 AAAAC3Nza\n'))).toBe('knownHosts');
    expect(detectSourceKind(text('|1|c2FsdA==|aGFzaA== ecdsa-sha2-nistp256 AAAA\n'))).toBe('knownHosts');
    expect(detectSourceKind(text('@revoked * ssh-rsa AAAA\n'))).toBe('knownHosts');
    expect(detectSourceKind(text('Host *\n  User iserv-max.muster\n'))).toBe('sshConfig');
    expect(detectSourceKind(text('include ~/.ssh/conf.d/*\n'))).toBe('sshConfig');
  });

  it('recognises nothing in other text', () => {
    expect(detectSourceKind(text('Liebe Grüße\nMax\n'))).toBeNull();
    expect(detectSourceKind(text(''))).toBeNull();
  });
});
