// The opt-in to keep a remembered key's passphrase in the OS keychain, through
// the contract. The keychain is a fake (AES-GCM with a test key, see
// fixtures/app/fake-vault.ts): Electron's safeStorage cannot run on this
// machine. What the Electron wrapper decides is unit-tested in
// test/unit/electron/safe-storage-vault.test.ts.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contractErrorCode } from '../../../fixtures/agent/contract';
import { sshKeygen, type KeygenKey } from '../../../fixtures/agent/keys';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { fakeVault, type FakeVault } from '../../../fixtures/app/fake-vault';

// A test passphrase; it goes into the contract only, never into output.
const PASSPHRASE = 'Passphrase für den Schlüsselbund 42';
const LOAD_TIMEOUT = { timeout: 15_000 };

let dir: string;
let locked: KeygenKey;
let app: TestBackend | undefined;
let vault: FakeVault;

/** A fresh copy of the locked key, so a test may change its file. */
function keyCopy(name: string): string {
  const path = join(dir, name);
  copyFileSync(locked.privatePath, path);
  return path;
}

function start(options: { vault?: FakeVault } = { vault }): TestBackend {
  app = startTestBackend(mkdtempSync(join(tmpdir(), 'fw-vault-data-')), options);
  return app;
}

/** agent.addFile of `path` with the passphrase, remembered and (unless overridden) stored. */
function addStored(a: TestBackend, path: string, options: { remember?: boolean } = {}) {
  return a.api.agent.addFile({
    path,
    passphrase: PASSPHRASE,
    remember: options.remember ?? true,
    storePassphrase: true,
  });
}

const vaultFile = (a: TestBackend) => join(a.dataDir, 'vault.json');
const vaultEntries = (a: TestBackend) =>
  (JSON.parse(readFileSync(vaultFile(a), 'utf8')) as { entries: { path: string; sealed: string }[] }).entries;

async function pendingPrompt(a: TestBackend) {
  await expect.poll(async () => (await a.api.prompts.pending()).length, LOAD_TIMEOUT).toBeGreaterThan(0);
  return (await a.api.prompts.pending())[0]!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-vault-'));
  locked = await sshKeygen(dir, 'id_locked', 'ed25519', {
    comment: 'max.mustermann@firma.de',
    passphrase: PASSPHRASE,
  });
});

afterEach(async () => {
  await app?.cleanup();
  app = undefined;
  vault = fakeVault();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

vault = fakeVault();

describe('a stored passphrase (opt-in, OS keychain)', () => {
  it('loads the remembered key at the next start without a prompt; the vault file holds no plain passphrase', async () => {
    let a = start();
    const path = keyCopy('id_stored');
    expect((await a.api.agent.state()).vaultAvailable).toBe(true);
    const added = await addStored(a, path);
    expect(added).toMatchObject({ remembered: true, passphraseStored: true });

    // Sealed, owner-only, in its own file; nowhere else.
    const file = readFileSync(vaultFile(a), 'utf8');
    expect(file).not.toContain(PASSPHRASE);
    expect(file).not.toContain(Buffer.from(PASSPHRASE).toString('base64'));
    expect(vaultEntries(a).map((e) => e.path)).toEqual([path]);
    if (process.platform !== 'win32') expect(statSync(vaultFile(a)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(a.dataDir, 'settings.json'), 'utf8')).not.toContain(PASSPHRASE);
    expect(JSON.stringify(await a.api.agent.list())).not.toContain(PASSPHRASE);
    expect(JSON.stringify(await a.api.settings.get())).not.toContain('sealed');

    a = app = await a.restart();
    await expect
      .poll(async () => (await a.api.agent.list()).map((k) => k.fingerprint), LOAD_TIMEOUT)
      .toEqual([locked.fingerprint]);
    expect(await a.api.prompts.pending()).toEqual([]);
    expect((await a.api.agent.list())[0]).toMatchObject({ remembered: true, passphraseStored: true });
    expect((await a.api.app.info()).notices).toEqual([]);
    expect(vault.calls.decrypt).toBe(1);
    expect(a.log.lines.join('\n')).not.toContain(PASSPHRASE);

    // Forgetting the key deletes its stored passphrase.
    await a.api.agent.remove({ fingerprint: locked.fingerprint, forget: true });
    expect(vaultEntries(a)).toEqual([]);
    expect((await a.api.settings.get()).agentKeyPaths).toEqual([]);
  });

  it('is deleted when the path leaves the start list through settings.update (the view\'s "stop loading")', async () => {
    const a = start();
    const path = keyCopy('id_settings');
    await addStored(a, path);
    expect(vaultEntries(a)).toHaveLength(1);
    await a.api.settings.update({ agentKeyPaths: [] });
    expect(vaultEntries(a)).toEqual([]);
    expect((await a.api.agent.list())[0]).toMatchObject({ remembered: false, passphraseStored: false });
  });

  it('is deleted when the key is added again with the option unchecked', async () => {
    const a = start();
    const path = keyCopy('id_uncheck');
    await addStored(a, path);
    expect(vaultEntries(a)).toHaveLength(1);
    const again = await a.api.agent.addFile({ path, passphrase: PASSPHRASE, remember: true });
    expect(again).toMatchObject({ remembered: true, passphraseStored: false });
    expect(vaultEntries(a)).toEqual([]);
  });

  it('a damaged sealed entry falls back to the prompt, with a notice, and is dropped', async () => {
    let a = start();
    const path = keyCopy('id_damaged');
    await addStored(a, path);
    await a.backend.dispose();
    // Flip bytes of the sealed passphrase, as a changed keychain would leave it unreadable.
    const doc = JSON.parse(readFileSync(vaultFile(a), 'utf8')) as { entries: { sealed: string }[] };
    const sealed = Buffer.from(doc.entries[0]!.sealed, 'base64');
    sealed[sealed.length - 1]! ^= 0xff;
    doc.entries[0]!.sealed = sealed.toString('base64');
    writeFileSync(vaultFile(a), JSON.stringify(doc));

    a = app = startTestBackend(a.dataDir, { vault });
    const prompt = await pendingPrompt(a);
    expect(prompt).toMatchObject({ kind: 'passphrase', keyName: 'id_damaged', retry: false });
    expect((await a.api.app.info()).notices).toContainEqual({
      code: 'agent.storedPassphraseFailed',
      params: { file: path },
    });
    expect(vaultEntries(a)).toEqual([]);
    await a.api.prompts.answer({ id: prompt.id, answer: { kind: 'passphrase', passphrase: PASSPHRASE } });
    await expect
      .poll(async () => (await a.api.agent.list()).map((k) => k.fingerprint), LOAD_TIMEOUT)
      .toEqual([locked.fingerprint]);
    // Still remembered, now without a stored passphrase.
    expect((await a.api.agent.list())[0]).toMatchObject({ remembered: true, passphraseStored: false });
  });

  it('a passphrase that no longer fits (key file changed) falls back to the prompt, with a notice', async () => {
    let a = start();
    const path = keyCopy('id_changed');
    await addStored(a, path);
    await a.backend.dispose();
    execFileSync('ssh-keygen', ['-q', '-p', '-N', 'eine neue Passphrase', '-P', PASSPHRASE, '-f', path]);

    a = app = startTestBackend(a.dataDir, { vault });
    const prompt = await pendingPrompt(a);
    expect(prompt).toMatchObject({ kind: 'passphrase', keyName: 'id_changed' });
    expect((await a.api.app.info()).notices.map((n) => n.code)).toEqual(['agent.storedPassphraseFailed']);
    expect(vaultEntries(a)).toEqual([]);
    await a.api.prompts.answer({ id: prompt.id, answer: { kind: 'passphrase', passphrase: null } });
  });

  it('a missing key file keeps the stored passphrase (the file may come back)', async () => {
    let a = start();
    const path = keyCopy('id_missing');
    await addStored(a, path);
    await a.backend.dispose();
    rmSync(path);
    a = app = startTestBackend(a.dataDir, { vault });
    await expect
      .poll(async () => (await a.api.app.info()).notices.map((n) => n.code), LOAD_TIMEOUT)
      .toEqual(['agent.keyFileUnreadable']);
    expect(vaultEntries(a).map((e) => e.path)).toEqual([path]);
  });
});

describe('refusals', () => {
  it('without a vault (the browser) the option is not offered and refused', async () => {
    const a = start({});
    const path = keyCopy('id_novault');
    expect((await a.api.agent.state()).vaultAvailable).toBe(false);
    expect(await contractErrorCode(addStored(a, path))).toBe('agent.vaultUnavailable');
    // Refused before anything changed.
    expect(await a.api.agent.list()).toEqual([]);
    expect((await a.api.settings.get()).agentKeyPaths).toEqual([]);
    expect(existsSync(vaultFile(a))).toBe(false);
  });

  it('a keychain that went away refuses too', async () => {
    const a = start();
    vault.isAvailable = false;
    expect((await a.api.agent.state()).vaultAvailable).toBe(false);
    expect(await contractErrorCode(addStored(a, keyCopy('id_gone')))).toBe('agent.vaultUnavailable');
  });

  it('storing needs remember', async () => {
    const a = start();
    expect(await contractErrorCode(addStored(a, keyCopy('id_noremember'), { remember: false }))).toBe(
      'agent.storePassphraseNeedsRemember',
    );
    expect(await a.api.agent.list()).toEqual([]);
  });
});
