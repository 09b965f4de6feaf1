// writePrivateKeyFile on the real file system (POSIX modes), and the Windows
// ACL path with the icacls call injected.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivateKeyFile } from '../../../src/main/keys';
import {
  currentWindowsIdentity,
  windowsPermissions,
  type CommandRunner,
  type OwnerOnlyPermissions,
} from '../../../src/main/keys/files/owner-only';
import { appErrorOf } from './helpers';

const posix = process.platform !== 'win32';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-keyfile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writePrivateKeyFile', () => {
  it.runIf(posix)('creates missing folders 0700 and the file 0600 with the contents', async () => {
    const path = join(dir, 'a', 'b', 'id_ed25519');
    await writePrivateKeyFile(path, 'KEY-1\n', { overwrite: false });
    expect(readFileSync(path, 'utf8')).toBe('KEY-1\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'a', 'b')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['id_ed25519']);
  });

  it('refuses to overwrite unless asked, keeping the old file', async () => {
    const path = join(dir, 'id');
    writeFileSync(path, 'OLD');
    const error = await appErrorOf(writePrivateKeyFile(path, 'NEW', { overwrite: false }));
    expect(error.toInfo()).toEqual({ code: 'keys.fileExists', params: { path } });
    expect(readFileSync(path, 'utf8')).toBe('OLD');
    expect(readdirSync(dir)).toEqual(['id']);
  });

  it.runIf(posix)('replaces an existing file when asked, and the result is owner-only', async () => {
    const path = join(dir, 'id');
    writeFileSync(path, 'OLD', { mode: 0o644 });
    await writePrivateKeyFile(path, 'NEW', { overwrite: true });
    expect(readFileSync(path, 'utf8')).toBe('NEW');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['id']);
  });

  it('leaves the old file and no temp file behind when restricting fails', async () => {
    const path = join(dir, 'id');
    writeFileSync(path, 'OLD');
    const failing: OwnerOnlyPermissions = {
      restrictFile: windowsPermissions(async () => ({ exitCode: 5, output: 'Zugriff verweigert' }), {
        account: 'X\\y',
      }).restrictFile,
      restrictDirectory: async () => undefined,
    };
    const error = await appErrorOf(
      writePrivateKeyFile(path, 'NEW', { overwrite: true, permissions: failing }),
    );
    expect(error.toInfo()).toEqual({ code: 'keys.permissionsFailed', params: { path } });
    expect(readFileSync(path, 'utf8')).toBe('OLD');
    expect(readdirSync(dir)).toEqual(['id']);
  });

  it('reports other write failures with the system code', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    const path = join(blocker, 'sub', 'id');
    const error = await appErrorOf(writePrivateKeyFile(path, 'NEW', { overwrite: false }));
    expect(error.code).toBe('keys.writeFailed');
    expect(error.params).toMatchObject({ path, reason: 'ENOTDIR' });
  });
});

describe('Windows owner-only ACL (icacls injected; not verified on Windows)', () => {
  it('removes inheritance and grants only the current user, files and folders', async () => {
    const calls: [string, string[]][] = [];
    const run: CommandRunner = async (file, args) => {
      calls.push([file, args]);
      return { exitCode: 0, output: '' };
    };
    const permissions = windowsPermissions(run, { account: 'SCHULE\\max.muster' });
    await permissions.restrictFile('C:\\Users\\max\\.ssh\\id_ed25519');
    await permissions.restrictDirectory('C:\\Users\\max\\.ssh');
    expect(calls).toEqual([
      [
        'icacls',
        ['C:\\Users\\max\\.ssh\\id_ed25519', '/inheritance:r', '/grant:r', 'SCHULE\\max.muster:(F)'],
      ],
      ['icacls', ['C:\\Users\\max\\.ssh', '/inheritance:r', '/grant:r', 'SCHULE\\max.muster:(OI)(CI)(F)']],
    ]);
  });

  it('drives the whole write through the injected platform: folder, then temp file, before any contents', async () => {
    const events: string[] = [];
    const recording: OwnerOnlyPermissions = {
      restrictDirectory: async (path) => void events.push(`dir ${path}`),
      restrictFile: async (path) => {
        events.push(
          `file ${path.startsWith(join(dir, 'keys', '.id.')) ? 'temp' : path} size=${statSync(path).size}`,
        );
      },
    };
    await writePrivateKeyFile(join(dir, 'keys', 'id'), 'SECRET', {
      overwrite: false,
      permissions: recording,
    });
    expect(events).toEqual([`dir ${join(dir, 'keys')}`, 'file temp size=0']);
    expect(readFileSync(join(dir, 'keys', 'id'), 'utf8')).toBe('SECRET');
  });

  it('names the account as DOMAIN\\user from the environment', () => {
    expect(currentWindowsIdentity({ USERNAME: 'max', USERDOMAIN: 'SCHULE' })).toEqual({
      account: 'SCHULE\\max',
    });
    expect(currentWindowsIdentity({ USERNAME: 'max' })).toEqual({ account: 'max' });
  });
});
