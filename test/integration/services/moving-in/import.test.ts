// Moving in, end to end through the contract against the real OpenSSH sshd:
// a PuTTY .reg export (sessions, a jump session, a telnet session, cached host
// keys of the sshd in PuTTY's form) and "this computer" (~/.ssh/config with
// Include and a `Host *` block, known_hosts hashed by ssh-keygen -H). What is
// imported connects with no host key question; nothing stored is replaced
// unless the user ticked it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../src/shared/contract/moving-in';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { watchSessions } from '../../../fixtures/app/session-watch';
import { puttyHostKey, puttyRegFile, puttySession } from '../../../fixtures/putty-reg';
import { startSshd, type Sshd } from '../../../fixtures/sshd';
import { startRelay, type Relay } from '../../../fixtures/tcp-relay';

let dir: string;
let keyPath: string;
let sshd: Sshd;
/** The Backupserver: the same sshd on another port, reached through the portal. */
let backup: Relay;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-import-'));
  keyPath = join(dir, 'id_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'max@firma.de', '-f', keyPath]);
  sshd = await startSshd({
    authorizedKeys: [readFileSync(`${keyPath}.pub`, 'utf8')],
    hostKeyTypes: ['ed25519', 'rsa'],
  });
  backup = await startRelay('127.0.0.1', sshd.port);
});
afterAll(async () => {
  await backup?.stop();
  await sshd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function newApp(home: string): Promise<TestBackend> {
  const app = startTestBackend(undefined, { home });
  await app.api.settings.update({ firmPrefix: 'iserv', fullName: 'max.muster', email: 'max@firma.de' });
  return app;
}

/** Opens a profile; a host key question is answered "cancel", so asking fails the connect. */
async function connectWithoutQuestions(app: TestBackend, name: string) {
  const w = watchSessions(app.api, { hostKey: 'cancel' });
  const profile = (await app.api.profiles.list({})).find((p) => p.name === name);
  expect(profile, name).toBeDefined();
  const { sessionId } = await app.api.sessions.open({ profileId: profile!.id, cols: 80, rows: 24 });
  const final = await w.finalState(sessionId);
  expect(w.prompts.filter((p) => p.kind === 'hostKey')).toEqual([]);
  expect(final.state, JSON.stringify(final.error)).toBe('connected');
  await app.api.sessions.close({ sessionId });
  return final;
}

const ids = (preview: ImportPreview, status = 'new') => ({
  profiles: preview.profiles.filter((p) => p.status === status).map((p) => p.id),
  hostKeys: preview.hostKeys.filter((h) => h.status === status).map((h) => h.id),
});

describe('importing a PuTTY .reg export', () => {
  let app: TestBackend;
  let regFile: string;

  beforeAll(async () => {
    app = await newApp(mkdtempSync(join(dir, 'home-')));
    regFile = join(dir, 'putty-iserv.reg');
    const rsa = sshd.hostKeys.rsa!.publicKey;
    writeFileSync(
      regFile,
      puttyRegFile({
        sessions: [
          puttySession('Schule Müller Portal', {
            HostName: '127.0.0.1',
            PortNumber: sshd.port,
            UserName: sshd.user,
            PublicKeyFile: keyPath,
            PingInterval: 4,
          }),
          puttySession('Schule Müller Backup', {
            HostName: `${sshd.user}@127.0.0.1`,
            PortNumber: backup.port,
            PublicKeyFile: keyPath,
            ProxyMethod: 6,
            ProxyHost: '127.0.0.1',
            ProxyPort: sshd.port,
          }),
          puttySession('Alter Switch', { HostName: '10.0.0.9', Protocol: 'telnet', PortNumber: 23 }),
        ],
        // PuTTY cached the RSA key only (the type it negotiated back then); the
        // sshd offers ed25519 first unless the app asks for the stored type.
        hostKeys: [puttyHostKey(rsa, '127.0.0.1', sshd.port), puttyHostKey(rsa, '127.0.0.1', backup.port)],
      }),
    );
  });
  afterAll(async () => app?.cleanup());

  it('previews both SSH sessions, the host keys and the key file, and names the telnet session', async () => {
    const preview = await app.api.import.preview({ file: regFile });
    expect(preview.profiles.map((p) => [p.profile.name, p.profile.kind, p.status])).toEqual([
      ['Schule Müller Portal', 'portal', 'new'],
      ['Schule Müller Backup', 'backup', 'new'],
    ]);
    expect(preview.profiles[1]!.profile).toMatchObject({
      host: '127.0.0.1',
      port: backup.port,
      portalHost: '127.0.0.1',
      portalPort: sshd.port,
      user: sshd.user,
    });
    expect(preview.profiles[0]!.profile.notCarried).toContainEqual(
      expect.objectContaining({ setting: 'PingInterval', reason: 'appSetting' }),
    );
    expect(preview.hostKeys.map((h) => [h.hostKey.port, h.hostKey.fingerprint, h.status])).toEqual([
      [sshd.port, sshd.hostKeys.rsa!.fingerprint, 'new'],
      [backup.port, sshd.hostKeys.rsa!.fingerprint, 'new'],
    ]);
    expect(preview.keyFiles.map((k) => [k.keyFile.path, k.status])).toEqual([[keyPath, 'new']]);
    expect(preview.problems).toEqual([
      expect.objectContaining({
        code: 'putty.notSsh',
        params: expect.objectContaining({ session: 'Alter Switch' }),
      }),
    ]);
  });

  it('imports them, and both connect with no host key question (the Backupserver through its portal)', async () => {
    const preview = await app.api.import.preview({ file: regFile });
    const result = await app.api.import.apply({ previewId: preview.previewId, ...ids(preview) });
    expect(result).toMatchObject({ profilesAdded: 2, profilesReplaced: 0, hostKeysAdded: 2, skipped: [] });

    await connectWithoutQuestions(app, 'Schule Müller Portal');
    const before = backup.connections;
    const final = await connectWithoutQuestions(app, 'Schule Müller Backup');
    expect(final.connection?.role).toBe('backup');
    expect(backup.connections).toBe(before + 1);
  });

  it('marks everything as already there on a second import, and changes nothing', async () => {
    const preview = await app.api.import.preview({ file: regFile });
    expect(preview.profiles.map((p) => p.status)).toEqual(['duplicate', 'duplicate']);
    expect(preview.hostKeys.map((h) => h.status)).toEqual(['duplicate', 'duplicate']);
    const result = await app.api.import.apply({ previewId: preview.previewId, ...ids(preview, 'duplicate') });
    expect(result.profilesAdded + result.hostKeysAdded).toBe(0);
    expect(result.skipped.map((s) => s.reason)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await app.api.profiles.list({})).toHaveLength(2);
  });
});

describe('a conflict is replaced only when ticked', () => {
  let app: TestBackend;
  let regFile: string;

  beforeAll(async () => {
    app = await newApp(mkdtempSync(join(dir, 'home-')));
    regFile = join(dir, 'conflict.reg');
    writeFileSync(
      regFile,
      puttyRegFile({
        sessions: [puttySession('Schule', { HostName: 'schule-neu.example', UserName: 'admin' })],
        // The sshd's real rsa key; the app holds a wrong one (below).
        hostKeys: [puttyHostKey(sshd.hostKeys.rsa!.publicKey, '127.0.0.1', sshd.port)],
      }),
    );
  });
  afterAll(async () => app?.cleanup());

  it('keeps the stored profile and host key unless the conflict is ticked', async () => {
    const stored = await app.api.profiles.save({
      kind: 'portal',
      name: 'Schule',
      host: 'schule-alt.example',
      port: 22,
      user: '',
      keyPath: '',
      favourite: true,
    });
    // A wrong rsa key for the sshd: the .reg's right one conflicts with it.
    app.backend.knownHosts.add(
      [
        {
          host: '127.0.0.1',
          port: sshd.port,
          hashedHost: null,
          keyType: 'ssh-rsa',
          keyBase64: readOtherRsaKey(),
        },
      ],
      { replace: false },
    );

    const first = await app.api.import.preview({ file: regFile });
    expect(first.profiles.map((p) => [p.status, p.existingName])).toEqual([['conflict', 'Schule']]);
    expect(first.hostKeys.map((h) => h.status)).toEqual(['conflict']);
    const untouched = await app.api.import.apply({ previewId: first.previewId, profiles: [], hostKeys: [] });
    expect(untouched).toMatchObject({
      profilesAdded: 0,
      profilesReplaced: 0,
      hostKeysAdded: 0,
      hostKeysReplaced: 0,
    });
    expect((await app.api.profiles.list({}))[0]).toEqual(stored);

    const second = await app.api.import.preview({ file: regFile });
    const replaced = await app.api.import.apply({ previewId: second.previewId, ...ids(second, 'conflict') });
    expect(replaced).toMatchObject({ profilesReplaced: 1, hostKeysReplaced: 1 });
    const [profile] = await app.api.profiles.list({});
    // Same id and favourite (open tabs and the star stay), the imported connection.
    expect(profile).toMatchObject({
      id: stored.id,
      favourite: true,
      host: 'schule-neu.example',
      user: 'admin',
    });
    await connectWithoutQuestionsAs(app, sshd);
  });
});

/** A valid RSA public key blob that is not the sshd's. */
function readOtherRsaKey(): string {
  const file = join(dir, `other-rsa-${Math.random().toString(36).slice(2)}`);
  execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', file]);
  return readFileSync(`${file}.pub`, 'utf8').split(' ')[1]!;
}

/** After replacing the wrong rsa key by the right one, the sshd connects with no question. */
async function connectWithoutQuestionsAs(app: TestBackend, server: Sshd) {
  await app.api.profiles.save({
    kind: 'portal',
    name: 'Direkt',
    host: '127.0.0.1',
    port: server.port,
    user: server.user,
    keyPath,
  });
  await connectWithoutQuestions(app, 'Direkt');
}

describe('importing from this computer (~/.ssh)', () => {
  let app: TestBackend;

  beforeAll(async () => {
    const home = mkdtempSync(join(dir, 'home-'));
    const ssh = join(home, '.ssh');
    mkdirSync(join(ssh, 'conf.d'), { recursive: true, mode: 0o700 });
    copyFileSync(keyPath, join(ssh, 'id_schule'));
    writeFileSync(
      join(ssh, 'config'),
      [
        'Include conf.d/*.conf',
        '',
        '# The vendor block: applies to every host above.',
        'Host *',
        `  User ${sshd.user}`,
        '  IdentityFile ~/.ssh/id_schule',
        '  ServerAliveInterval 240',
        '  SendEnv EMAIL',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(ssh, 'conf.d', 'schulen.conf'),
      [
        'Host schule-portal',
        '  HostName 127.0.0.1',
        `  Port ${sshd.port}`,
        'Host schule-backup',
        '  HostName 127.0.0.1',
        `  Port ${backup.port}`,
        `  ProxyJump ${sshd.user}@127.0.0.1:${sshd.port}`,
        '',
      ].join('\n'),
    );
    // known_hosts as a Debian user has it: hashed (HashKnownHosts yes).
    const ed25519 = sshd.hostKeys.ed25519!.publicKey.split(' ').slice(0, 2).join(' ');
    const knownHosts = join(ssh, 'known_hosts');
    writeFileSync(knownHosts, `[127.0.0.1]:${sshd.port} ${ed25519}\n[127.0.0.1]:${backup.port} ${ed25519}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', knownHosts], { stdio: 'ignore' });
    expect(readFileSync(knownHosts, 'utf8')).not.toContain('127.0.0.1');
    app = await newApp(home);
  });
  afterAll(async () => app?.cleanup());

  it('offers the Host blocks with the settings of `Host *`, the hashed keys, and reports the wildcard block', async () => {
    const preview = await app.api.import.preview({ thisComputer: true });
    expect(preview.profiles.map((p) => [p.profile.name, p.profile.kind, p.profile.user, p.status])).toEqual([
      ['schule-portal', 'portal', sshd.user, 'new'],
      ['schule-backup', 'backup', sshd.user, 'new'],
    ]);
    expect(preview.profiles[0]!.profile.keyPath).toMatch(/\.ssh\/id_schule$/);
    expect(preview.hostKeys).toHaveLength(2);
    expect(preview.hostKeys.every((h) => h.hostKey.hashedHost !== null && h.hostKey.host === null)).toBe(
      true,
    );
    expect(preview.problems.map((p) => p.code)).toContain('sshConfig.wildcardBlock');
  });

  it('imports them, and the hashed entries mean no question on the first connection', async () => {
    const preview = await app.api.import.preview({ thisComputer: true });
    await app.api.import.apply({ previewId: preview.previewId, ...ids(preview) });
    await connectWithoutQuestions(app, 'schule-portal');
    await connectWithoutQuestions(app, 'schule-backup');
  });
});
