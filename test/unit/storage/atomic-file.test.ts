import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFileAtomicSync,
  removeLeftoverTemps,
  writeFileAtomicSync,
} from '../../../src/main/storage/atomic-file';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fw-atomic-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomicSync', () => {
  it('replaces the whole file and leaves no temp file', () => {
    const dir = folder();
    const path = join(dir, 'settings.json');
    writeFileSync(path, 'old');
    writeFileAtomicSync(path, 'new content');
    expect(readFileSync(path, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it.skipIf(process.platform === 'win32')('gives a replaced 0644 file owner-only rights', () => {
    const path = join(folder(), 'profiles.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o644);
    writeFileAtomicSync(path, '{"a":1}');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('when the replacement fails, keeps the old content and removes its temp file', () => {
    const dir = folder();
    const path = join(dir, 'known-hosts.json');
    // A non-empty folder where the file should be: rename onto it fails.
    mkdirSync(path);
    writeFileSync(join(path, 'keep'), 'old');
    expect(() => writeFileAtomicSync(path, 'new')).toThrow();
    expect(readFileSync(join(path, 'keep'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['known-hosts.json']);
  });
});

describe('createFileAtomicSync', () => {
  it('creates a new file whole, and never replaces an existing one', () => {
    const dir = folder();
    const path = join(dir, 'id_ed25519.pub');
    createFileAtomicSync(path, 'ssh-ed25519 AAAA max@firma.de\n');
    expect(readFileSync(path, 'utf8')).toBe('ssh-ed25519 AAAA max@firma.de\n');
    expect(() => createFileAtomicSync(path, 'other')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(path, 'utf8')).toBe('ssh-ed25519 AAAA max@firma.de\n');
    expect(readdirSync(dir)).toEqual(['id_ed25519.pub']);
  });
});

describe('removeLeftoverTemps', () => {
  it("removes only the named file's temp files", () => {
    const dir = folder();
    for (const name of ['settings.json', 'settings.json.tmp-1-aa', 'profiles.json.tmp-1-bb']) {
      writeFileSync(join(dir, name), 'x');
    }
    removeLeftoverTemps(join(dir, 'settings.json'));
    expect(readdirSync(dir).sort()).toEqual(['profiles.json.tmp-1-bb', 'settings.json']);
  });
});
