// The key wizard through the contract, as the renderer calls it: real files,
// checked with ssh-keygen and puttygen. Passphrases reach the tools only
// through argv or files of local processes, never test output.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../../src/shared/contract/api';
import type { KeyResult } from '../../../../src/shared/contract/keys';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { run } from '../../keys/tools';

const PASS = 'Kreide Tafel Schwamm 42';
const EMAIL = 'max.mustermann@firma.example';

/** The key part (`type base64`) of a public key line. */
const keyPart = (line: string) => line.trim().split(/\s+/).slice(0, 2).join(' ');

async function failure(promise: Promise<unknown>): Promise<ContractError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function expectNoSecrets(result: KeyResult): void {
  const text = JSON.stringify(result);
  expect(text).not.toContain('PRIVATE');
  expect(text).not.toContain(PASS);
  expect(Object.keys(result).sort()).toEqual(
    ['bits', 'comment', 'fingerprint', 'path', 'ppkPath', 'publicKey', 'publicKeyPath', 'type'].sort(),
  );
}

let dir: string;
let passFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-wizard-it-'));
  passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, PASS, { mode: 0o600 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let app: TestBackend;
beforeEach(() => {
  app = startTestBackend();
});
afterEach(async () => {
  await app.cleanup();
});

describe('keys.generate', () => {
  it('writes an owner-only OpenSSH key that ssh-keygen opens, a .pub, a .ppk copy, and loads it', async () => {
    const { path } = await app.api.keys.defaultPath({ type: 'ed25519' });
    expect(path).toBe(join(app.dataDir, 'keys', 'id_ed25519'));
    expect((await app.api.keys.status()).agentKeyCount).toBe(0);

    const result = await app.api.keys.generate({
      type: 'ed25519',
      comment: EMAIL,
      passphrase: PASS,
      path,
      ppkCopy: true,
    });
    expectNoSecrets(result);
    expect(result).toMatchObject({
      type: 'ssh-ed25519',
      bits: 256,
      comment: EMAIL,
      path,
      publicKeyPath: `${path}.pub`,
      ppkPath: `${path}.ppk`,
    });
    expect(result.publicKey).toMatch(new RegExp(`^ssh-ed25519 AAAA\\S+ ${EMAIL.replace(/\./g, '\\.')}$`));

    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}.ppk`).mode & 0o777).toBe(0o600);
    // Its comment is the e-mail address: owner-only too.
    expect(statSync(`${path}.pub`).mode & 0o777).toBe(0o600);
    expect(statSync(join(app.dataDir, 'keys')).mode & 0o077).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('BEGIN OPENSSH PRIVATE KEY');

    // ssh-keygen decrypts it with the passphrase and derives the same public key.
    expect(keyPart(run('ssh-keygen', ['-y', '-P', PASS, '-f', path]))).toBe(keyPart(result.publicKey));
    expect(readFileSync(`${path}.pub`, 'utf8')).toBe(`${result.publicKey}\n`);
    const keygenFp = run('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${path}.pub`]).split(' ')[1];
    expect(result.fingerprint).toBe(keygenFp);
    // PuTTY's own tool opens the .ppk copy with the same passphrase.
    const fromPpk = run('puttygen', [`${path}.ppk`, '--old-passphrase', passFile, '-O', 'public-openssh']);
    expect(keyPart(fromPpk)).toBe(keyPart(result.publicKey));

    // Loaded into the agent under its path, and the default for profiles without a key.
    const agentKeys = app.backend.agent.list();
    expect(agentKeys.map((k) => [k.fingerprint, k.source])).toEqual([[result.fingerprint, path]]);
    expect((await app.api.settings.get()).defaultKeyPath).toBe(path);
    expect(await app.api.keys.status()).toEqual({ agentKeyCount: 1, defaultKeyPath: path });

    // The next default location is a free one.
    expect((await app.api.keys.defaultPath({ type: 'ed25519' })).path).toBe(`${path}_2`);
  });

  it('never overwrites an existing file unasked, and does when asked', async () => {
    const path = join(dir, 'overwrite', 'id_ed25519');
    const first = await app.api.keys.generate({ type: 'ed25519', comment: EMAIL, passphrase: PASS, path });
    const before = readFileSync(path, 'utf8');

    const refused = await failure(
      app.api.keys.generate({ type: 'ed25519', comment: EMAIL, passphrase: PASS, path }),
    );
    expect(refused.info).toEqual({ code: 'keys.fileExists', params: { path } });
    expect(readFileSync(path, 'utf8')).toBe(before);

    // A lone .pub or .ppk of that name counts as taken too.
    const other = join(dir, 'overwrite', 'other');
    writeFileSync(`${other}.ppk`, 'not mine');
    const ppkTaken = await failure(
      app.api.keys.generate({
        type: 'ed25519',
        comment: EMAIL,
        passphrase: PASS,
        path: other,
        ppkCopy: true,
      }),
    );
    expect(ppkTaken.info).toEqual({ code: 'keys.fileExists', params: { path: `${other}.ppk` } });
    expect(readFileSync(`${other}.ppk`, 'utf8')).toBe('not mine');

    const second = await app.api.keys.generate({
      type: 'ed25519',
      comment: EMAIL,
      passphrase: PASS,
      path,
      overwrite: true,
    });
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(readFileSync(path, 'utf8')).not.toBe(before);
    expect(keyPart(run('ssh-keygen', ['-y', '-P', PASS, '-f', path]))).toBe(keyPart(second.publicKey));
    expect(readFileSync(`${path}.pub`, 'utf8')).toBe(`${second.publicKey}\n`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('makes RSA keys of exactly 4096 bits', async () => {
    const path = join(dir, 'rsa', 'id_rsa');
    const result = await app.api.keys.generate({ type: 'rsa4096', comment: EMAIL, passphrase: PASS, path });
    expect(result).toMatchObject({ type: 'ssh-rsa', bits: 4096 });
    expect(keyPart(run('ssh-keygen', ['-y', '-P', PASS, '-f', path]))).toBe(keyPart(result.publicKey));
  });

  it('refuses short passphrases, other types, bad comments and relative paths before writing anything', async () => {
    const path = join(dir, 'refused', 'id_ed25519');
    const cases = [
      { type: 'ed25519', comment: EMAIL, passphrase: 'kurz', path },
      { type: 'ed25519', comment: EMAIL, passphrase: '', path },
      { type: 'rsa2048', comment: EMAIL, passphrase: PASS, path },
      { type: 'ecdsa', comment: EMAIL, passphrase: PASS, path },
      { type: 'ed25519', comment: 'kein-mail', passphrase: PASS, path },
      { type: 'ed25519', comment: EMAIL, passphrase: PASS, path: 'relative/id_ed25519' },
    ];
    for (const input of cases) {
      const error = await failure(app.api.keys.generate(input as never));
      // A relative path is valid input but not a usable place: it gets its own message.
      expect(error.info.code).toBe(input.path === path ? 'invalidInput' : 'path.notAbsolute');
      // The validation message names the field, never the value.
      expect(JSON.stringify(error.info)).not.toContain(PASS);
    }
    expect(() => statSync(path)).toThrow();
    expect(app.backend.agent.list()).toEqual([]);
  });
});

describe('keys.importFile', () => {
  it('imports PuTTYgen .ppk files (v2 and v3, encrypted), loads them and sets the default', async () => {
    for (const version of ['2', '3']) {
      const path = join(dir, `putty-v${version}.ppk`);
      run('puttygen', [
        '-t',
        'ed25519',
        '-C',
        EMAIL,
        '--new-passphrase',
        passFile,
        '--ppk-param',
        `version=${version}`,
        '-o',
        path,
      ]);
      const expected = run('puttygen', [path, '--old-passphrase', passFile, '-O', 'fingerprint'])
        .trim()
        .split(' ')[2];

      const result = await app.api.keys.importFile({ path, passphrase: PASS });
      expectNoSecrets(result);
      expect(result).toMatchObject({
        type: 'ssh-ed25519',
        bits: 256,
        comment: EMAIL,
        path,
        publicKeyPath: null,
        ppkPath: null,
      });
      expect(result.fingerprint).toBe(expected);
      expect(app.backend.agent.list().some((k) => k.fingerprint === expected && k.source === path)).toBe(
        true,
      );
      expect((await app.api.settings.get()).defaultKeyPath).toBe(path);
    }
  });

  it('imports an OpenSSH key made by ssh-keygen, and says when the passphrase is missing or wrong', async () => {
    const path = join(dir, 'keygen_ed25519');
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', PASS, '-C', EMAIL, '-f', path]);
    expect((await failure(app.api.keys.importFile({ path }))).info.code).toBe('keys.passphraseRequired');
    expect(
      (await failure(app.api.keys.importFile({ path, passphrase: 'falsch falsch falsch' }))).info.code,
    ).toBe('keys.wrongPassphrase');
    expect(app.backend.agent.list()).toEqual([]);
    expect((await app.api.settings.get()).defaultKeyPath).toBe('');

    const result = await app.api.keys.importFile({ path, passphrase: PASS });
    expect(keyPart(result.publicKey)).toBe(keyPart(readFileSync(`${path}.pub`, 'utf8')));
  });

  it('refuses an RSA-2048 key with the policy reason, and leaves agent and default alone', async () => {
    const path = join(dir, 'rsa2048');
    run('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-C', EMAIL, '-f', path]);
    const error = await failure(app.api.keys.importFile({ path }));
    expect(error.info).toMatchObject({ code: 'keys.policyRefused', params: { type: 'ssh-rsa', bits: 2048 } });
    expect(app.backend.agent.list()).toEqual([]);
    expect((await app.api.settings.get()).defaultKeyPath).toBe('');
  });

  it('reports a missing file as unreadable', async () => {
    const error = await failure(app.api.keys.importFile({ path: join(dir, 'nothing-here') }));
    expect(error.info.code).toBe('agent.keyFileUnreadable');
  });
});
