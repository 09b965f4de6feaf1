// PuTTY's log file name pattern: every placeholder, names every platform
// accepts, and a clash that gets a counter instead of overwriting.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  expandLogNamePattern,
  safeFileName,
  sessionLogName,
  withCounter,
} from '../../../../src/shared/model/session-log-name';
import { createLogFile } from '../../../../src/main/terminal/session-log/log-file';

// 5 March 2025, 09:07:03 local time: every field needs its leading zero.
const date = new Date(2025, 2, 5, 9, 7, 3);
const parts = { date, host: 'meine-schule.de', port: 2222, profile: 'Meine Schule' };

describe('log name pattern', () => {
  it('fills every placeholder as PuTTY does', () => {
    expect(expandLogNamePattern('&Y&M&D-&T-&H-&P-&N.log', parts)).toBe(
      '20250305-090703-meine-schule.de-2222-Meine Schule.log',
    );
    expect(sessionLogName('&Y&M&D-&T-&H.log', parts)).toBe('20250305-090703-meine-schule.de.log');
  });

  it('writes && as one ampersand and leaves unknown placeholders as written', () => {
    expect(expandLogNamePattern('a&&b&X&', parts)).toBe('a&b&X&');
    // `&&H` is an ampersand and an H, not the host.
    expect(expandLogNamePattern('&&H', parts)).toBe('&H');
  });

  it('makes characters no file system takes safe, from the host, the profile or the pattern', () => {
    const unsafe = { ...parts, host: 'fe80::1%eth0', profile: 'a/b\\c:d*e?f"g<h>i|j\u0001k' };
    expect(sessionLogName('&N-&H.log', unsafe)).toBe('a_b_c_d_e_f_g_h_i_j_k-fe80__1%eth0.log');
    // A profile cannot lead out of the log folder.
    expect(sessionLogName('&N.log', { ...parts, profile: '../../etc/passwd' })).toBe('.._.._etc_passwd.log');
    expect(sessionLogName('logs/&H.log', parts)).toBe('logs_meine-schule.de.log');
  });

  it('avoids Windows device names, trailing dots and spaces, and empty names', () => {
    expect(safeFileName('con.log')).toBe('_con.log');
    expect(safeFileName('NUL')).toBe('_NUL');
    expect(safeFileName('COM1.txt')).toBe('_COM1.txt');
    expect(safeFileName('console.log')).toBe('console.log');
    expect(safeFileName('name. . ')).toBe('name');
    expect(safeFileName('..')).toBe('_');
    expect(safeFileName('   ')).toBe('_');
    expect(sessionLogName('&N', { ...parts, profile: '' })).toBe('_');
  });

  it('keeps a long name under the file systems limit, with its extension', () => {
    const name = sessionLogName('&N-&N-&N.log', { ...parts, profile: 'ü'.repeat(300) });
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
    expect(name.endsWith('.log')).toBe(true);
    expect(name.startsWith('üü')).toBe(true);
  });

  it('puts the counter before the extension', () => {
    expect(withCounter('x.log', 1)).toBe('x.log');
    expect(withCounter('x.log', 2)).toBe('x-2.log');
    expect(withCounter('x', 3)).toBe('x-3');
    expect(withCounter('.hidden', 2)).toBe('.hidden-2');
    expect(withCounter('a.b.log', 2)).toBe('a.b-2.log');
  });
});

describe('createLogFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fw-logname-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never overwrites: a taken name gets the next free counter', async () => {
    writeFileSync(join(dir, 'x.log'), 'earlier log');
    writeFileSync(join(dir, 'x-2.log'), 'another earlier log');
    const file = await createLogFile(dir, 'x.log');
    await file.handle.close();
    expect(file).toMatchObject({ path: join(dir, 'x-3.log'), counter: 3 });
    expect(readFileSync(join(dir, 'x.log'), 'utf8')).toBe('earlier log');
    expect(readFileSync(join(dir, 'x-2.log'), 'utf8')).toBe('another earlier log');
  });

  it.skipIf(process.platform === 'win32')('creates the folder 0700 and the file 0600', async () => {
    const folder = join(dir, 'logs', 'sessions');
    const file = await createLogFile(folder, 'x.log');
    await file.handle.close();
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });
});
