// The host's log file (createNodeLogger with a file) is owner-only and
// appended to, also when it existed before with wider rights.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeLogger } from '../../../src/main/core/log';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the log file', () => {
  it('is created 0600 in a 0700 folder, whatever the umask', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-log-'));
    dirs.push(dir);
    const file = join(dir, 'logs', 'host.log');
    const old = process.umask(0);
    try {
      createNodeLogger({ file, consoleLevel: false }).info('host: started');
    } finally {
      process.umask(old);
    }
    expect(mode(join(dir, 'logs'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });

  it('tightens an existing 0644 file and appends to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-log-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'logs'));
    const file = join(dir, 'logs', 'host.log');
    writeFileSync(file, 'earlier line\n');
    chmodSync(file, 0o644);
    createNodeLogger({ file, consoleLevel: false }).info('host: started again');
    expect(mode(file)).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('earlier line\n')).toBe(true);
    expect(text).toContain('host: started again');
  });
});
