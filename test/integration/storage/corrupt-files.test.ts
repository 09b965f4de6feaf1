// Garbage in each file the backend reads at start, one at a time: the backend
// starts, the notice names the file, the garbage is kept aside under a
// timestamped name, and every other file is untouched (byte for byte).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/main/core/log';
import { openWindowState } from '../../../src/main/electron/lifecycle/window-state';
import { hostKeyFromBlob } from '../../../src/main/ssh/host-key';
import { nodeConfFactory } from '../../../src/main/storage/node-conf';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';
import { fakeVault } from '../../fixtures/app/fake-vault';
import { fakeHostKeyBlob } from '../../unit/ssh/blobs';

const FILES = ['settings.json', 'profiles.json', 'known-hosts.json', 'vault.json'] as const;

const GARBAGE: Record<string, (path: string) => void> = {
  'truncated JSON': (path) => writeFileSync(path, readFileSync(path, 'utf8').slice(0, 25)),
  'binary junk': (path) => writeFileSync(path, Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x80, 0x00, 0x7f])),
  'an empty file': (path) => writeFileSync(path, ''),
  'a directory': (path) => {
    rmSync(path);
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'x');
  },
  'the wrong schema': (path) =>
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, entries: 'nein', hosts: 7 })),
};

const vault = fakeVault();
const opened: TestBackend[] = [];
afterEach(async () => {
  for (const t of opened.splice(0).reverse()) await t.cleanup();
});

/** A first run that leaves every document with content of its own. */
async function seeded(): Promise<TestBackend> {
  const t = startTestBackend(undefined, { vault });
  opened.push(t);
  await t.api.settings.update({ firmPrefix: 'iserv', fullName: 'max.mustermann', email: 'max@firma.de' });
  await t.api.profiles.save({
    kind: 'portal',
    name: 'Gymnasium',
    host: 'meine-schule.de',
    port: 22,
    user: '',
    keyPath: '',
  });
  t.backend.knownHosts.remember('meine-schule.de', 22, hostKeyFromBlob(fakeHostKeyBlob('A')));
  await t.backend.dispose();
  return t;
}

const snapshot = (dir: string, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe.each(FILES)('garbage in %s', (file) => {
  it.each(Object.keys(GARBAGE))(
    '%s: the backend starts, says which file, keeps it aside, loses nothing else',
    async (kind) => {
      const first = await seeded();
      const dir = first.dataDir;
      const others = FILES.filter((f) => f !== file);
      const before = snapshot(dir, others);
      const path = join(dir, file);
      GARBAGE[kind]!(path);
      const garbage = statSync(path).isDirectory() ? undefined : readFileSync(path);

      const second = startTestBackend(dir, { vault });
      opened.push(second);
      const { notices } = await second.api.app.info();
      expect(notices).toEqual([
        {
          code: 'storage.corruptMovedAside',
          params: { file: path, backup: expect.stringContaining(`${file}.corrupt-`) },
        },
      ]);
      const backup = String(notices[0]!.params.backup);
      expect(readdirSync(dir).filter((name) => name.startsWith(`${file}.corrupt-`))).toHaveLength(1);
      if (garbage) expect(readFileSync(backup)).toEqual(garbage);
      else expect(readFileSync(join(backup, 'inside'), 'utf8')).toBe('x');
      // The file is back, whole, with the defaults.
      expect(() => JSON.parse(readFileSync(path, 'utf8')) as unknown).not.toThrow();
      expect(snapshot(dir, others)).toEqual(before);
      // What the other files hold is still there for the app.
      if (file !== 'settings.json') expect((await second.api.settings.get()).fullName).toBe('max.mustermann');
      if (file !== 'profiles.json')
        expect((await second.api.profiles.list()).map((p) => p.name)).toEqual(['Gymnasium']);
      if (file !== 'known-hosts.json') expect(second.backend.knownHosts.list()).toHaveLength(1);
      // No parse message (which can quote the file) reaches the log.
      expect(second.log.lines.join('\n')).not.toMatch(/Unexpected token|is not valid JSON|max@firma/);
    },
  );
});

// Opened by the Electron shell only, after the backend: its own document, so
// garbage costs the window's place and nothing else (logged, not a notice).
describe.each(Object.keys(GARBAGE))('garbage in window-state.json: %s', (kind) => {
  it('the defaults apply, the garbage is kept aside, the settings are untouched', async () => {
    const first = await seeded();
    const dir = first.dataDir;
    const log = createMemoryLogger();
    openWindowState(nodeConfFactory, dir, log).write({
      schemaVersion: 1,
      maximized: true,
      closeNoticeShown: true,
    });
    const before = snapshot(dir, FILES);
    GARBAGE[kind]!(join(dir, 'window-state.json'));
    const state = openWindowState(nodeConfFactory, dir, log);
    expect(state.read()).toEqual({ schemaVersion: 1, maximized: false, closeNoticeShown: false });
    expect(readdirSync(dir).filter((name) => name.startsWith('window-state.json.corrupt-'))).toHaveLength(1);
    expect(log.lines.join('\n')).toContain('storage.corruptMovedAside');
    expect(snapshot(dir, FILES)).toEqual(before);
  });
});

describe('a write cut short', () => {
  it('a temp file left by a crash mid-write is removed; the document it was to replace is whole', async () => {
    const first = await seeded();
    const dir = first.dataDir;
    const before = readFileSync(join(dir, 'settings.json'), 'utf8');
    writeFileSync(join(dir, 'settings.json.tmp-4242-deadbeef'), before.slice(0, 30));
    const second = startTestBackend(dir, { vault });
    opened.push(second);
    expect((await second.api.app.info()).notices).toEqual([]);
    expect((await second.api.settings.get()).fullName).toBe('max.mustermann');
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'settings.json.tmp-4242-deadbeef'))).toBe(false);
  });
});
