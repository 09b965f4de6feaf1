// The data folder and what the app keeps in it are owner-only, also when the
// folder existed before with wider rights (made by hand, by another tool, or
// by a version that only set 0700 on folders it created itself).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';

const mode = (path: string) => statSync(path).mode & 0o777;
const opened: TestBackend[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.cleanup();
});

describe.skipIf(process.platform === 'win32')('an owner-only data folder', () => {
  it('tightens a 0755 folder to 0700, says so, and makes the files in it 0600', async () => {
    // A first run leaves valid documents, which the next start does not rewrite:
    // only the tightening can make them 0600.
    const first = startTestBackend(mkdtempSync(join(tmpdir(), 'fw-perm-')));
    await first.backend.dispose();
    const dir = first.dataDir;
    chmodSync(dir, 0o755);
    const aside = 'profiles.json.corrupt-2026-01-01T00-00-00-000Z';
    const own = [
      'settings.json',
      'profiles.json',
      'known-hosts.json',
      aside,
      'logs/host.log',
      'logs/sessions/a.log',
      'keys/id_ed25519.pub',
    ];
    mkdirSync(join(dir, 'logs', 'sessions'), { recursive: true });
    chmodSync(join(dir, 'logs'), 0o755);
    chmodSync(join(dir, 'logs', 'sessions'), 0o775);
    mkdirSync(join(dir, 'keys'), { mode: 0o755 });
    chmodSync(join(dir, 'keys'), 0o755);
    for (const file of own.slice(3)) writeFileSync(join(dir, file), 'line\n');
    for (const file of own) chmodSync(join(dir, file), 0o644);
    // Not ours (in Electron: Chromium's files in userData): left as they are.
    writeFileSync(join(dir, 'Preferences'), '{}', { mode: 0o644 });
    chmodSync(join(dir, 'Preferences'), 0o644);

    const t = startTestBackend(dir);
    opened.push(t);
    expect(mode(dir)).toBe(0o700);
    for (const file of own) expect([file, mode(join(dir, file))]).toEqual([file, 0o600]);
    expect(mode(join(dir, 'logs'))).toBe(0o700);
    expect(mode(join(dir, 'logs', 'sessions'))).toBe(0o700);
    expect(mode(join(dir, 'keys'))).toBe(0o700);
    expect(mode(join(dir, 'Preferences'))).toBe(0o644);
    const { notices } = await t.api.app.info();
    expect(notices).toEqual([{ code: 'storage.folderTightened', params: { folder: dir, mode: '0755' } }]);
  });

  it('creates a missing folder 0700 and every document 0600, without a notice', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'fw-perm-'));
    const dir = join(parent, 'Fernwartung');
    const old = process.umask(0o000); // The most permissive umask: modes must not depend on it.
    let t: TestBackend;
    try {
      t = startTestBackend(dir);
      opened.push(t);
      await t.api.settings.update({ fullName: 'max.mustermann' });
    } finally {
      process.umask(old);
    }
    expect(mode(dir)).toBe(0o700);
    for (const file of ['settings.json', 'profiles.json', 'known-hosts.json', 'instance.lock']) {
      expect([file, mode(join(dir, file))]).toEqual([file, 0o600]);
    }
    expect((await t.api.app.info()).notices).toEqual([]);
    rmSync(parent, { recursive: true, force: true });
  });
});
