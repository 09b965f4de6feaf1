// A Portalserver profile through the whole backend and the contract: host
// key prompt, passphrase prompt, shell, echo, resize, exit; and the second
// start that remembers the host key.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { watchSessions } from '../../../fixtures/app/session-watch';
import { startSshd, type Sshd } from '../../../fixtures/sshd';

const PASSPHRASE = 'korrekt-pferd-batterie-heftklammer';

describe('terminal session through the contract', () => {
  let sshd: Sshd;
  let keyDir: string;
  let app: TestBackend;
  let profileId: string;

  beforeAll(async () => {
    keyDir = mkdtempSync(join(tmpdir(), 'fw-sess-'));
    const key = join(keyDir, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', PASSPHRASE, '-C', 'max@firma.de', '-f', key]);
    sshd = await startSshd({ authorizedKeys: [readFileSync(`${key}.pub`, 'utf8')] });
    app = startTestBackend();
    await app.api.settings.update({ firmPrefix: 'iserv', fullName: 'max.mustermann', email: 'max@firma.de' });
    const profile = await app.api.profiles.save({
      kind: 'portal',
      name: 'Testschule',
      host: '127.0.0.1',
      port: sshd.port,
      user: sshd.user,
      keyPath: key,
    });
    profileId = profile.id;
  });
  afterAll(async () => {
    await app?.cleanup();
    await sshd?.stop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('asks for the host key and passphrase, runs a shell, resizes, and reports the exit', async () => {
    const { api } = app;
    const w = watchSessions(api);
    const { sessionId } = await api.sessions.open({ profileId, cols: 80, rows: 24 });
    // The window changes size while the session still connects: the shell opens with the new size.
    await api.terminal.resize({ sessionId, cols: 90, rows: 20 });

    await w.until(() => w.prompts.some((p) => p.kind === 'passphrase'), 'passphrase prompt');
    const passphrasePrompt = w.prompts.find((p) => p.kind === 'passphrase')!;
    await api.prompts.answer({
      id: passphrasePrompt.id,
      answer: { kind: 'passphrase', passphrase: 'falsch' },
    });
    await w.until(
      () => w.prompts.filter((p) => p.kind === 'passphrase').length === 2,
      'second passphrase prompt',
    );
    const retry = w.prompts.filter((p) => p.kind === 'passphrase')[1]!;
    expect(retry).toMatchObject({ retry: true, keyName: 'id_ed25519' });
    await api.prompts.answer({ id: retry.id, answer: { kind: 'passphrase', passphrase: PASSPHRASE } });

    await w.until(() => w.prompts.some((p) => p.kind === 'hostKey'), 'host key prompt');
    const hostKey = w.prompts.find((p) => p.kind === 'hostKey')!;
    expect(hostKey).toMatchObject({ host: '127.0.0.1', port: sshd.port, fingerprint: sshd.hostFingerprint });
    await api.prompts.answer({ id: hostKey.id, answer: { kind: 'hostKey', decision: 'acceptAndRemember' } });

    await w.until(
      () => w.states.some((s) => s.sessionId === sessionId && s.state === 'connected'),
      'connected',
    );
    await api.terminal.write({ sessionId, data: 'echo "ha""llo-welt"\n' });
    await w.until(() => (w.output.get(sessionId) ?? '').includes('hallo-welt'), 'echo output');
    await api.terminal.write({ sessionId, data: 'stty size\n' });
    await w.until(
      () => (w.output.get(sessionId) ?? '').includes('20 90'),
      'stty size from the resize while connecting',
    );
    await api.terminal.resize({ sessionId, cols: 100, rows: 30 });
    await api.terminal.write({ sessionId, data: 'stty size\n' });
    await w.until(() => (w.output.get(sessionId) ?? '').includes('30 100'), 'stty size after resize');
    await api.terminal.write({ sessionId, data: 'exit 3\n' });
    await w.until(
      () => w.states.some((s) => s.sessionId === sessionId && s.state === 'disconnected'),
      'disconnected',
    );
    expect(w.states.filter((s) => s.sessionId === sessionId).map((s) => s.state)).toEqual([
      'connecting',
      'authenticating',
      'connected',
      'disconnected',
    ]);
    expect(w.states.at(-1)).toMatchObject({ exitCode: 3 });
    expect(app.log.lines.join('\n')).not.toContain(PASSPHRASE);
  });

  it('remembers the host key after a restart, and reuses the unlocked key only within one run', async () => {
    app = await app.restart();
    const { api } = app;
    const w = watchSessions(api);
    const { sessionId } = await api.sessions.open({ profileId, cols: 80, rows: 24 });
    await w.until(() => w.prompts.some((p) => p.kind === 'passphrase'), 'passphrase prompt after restart');
    await api.prompts.answer({
      id: w.prompts[0]!.id,
      answer: { kind: 'passphrase', passphrase: PASSPHRASE },
    });
    await w.until(
      () => w.states.some((s) => s.sessionId === sessionId && s.state === 'connected'),
      'connected',
    );
    expect(w.prompts.map((p) => p.kind)).toEqual(['passphrase']);
    await api.sessions.close({ sessionId });
  });

  it('reports a host that refuses the connection in the state event', async () => {
    const { api } = app;
    const w = watchSessions(api);
    const closed = await api.profiles.save({
      kind: 'portal',
      name: 'Zu',
      host: '127.0.0.1',
      port: 1,
      user: '',
      keyPath: '',
    });
    const { sessionId } = await api.sessions.open({ profileId: closed.id, cols: 80, rows: 24 });
    await w.until(
      () => w.states.some((s) => s.sessionId === sessionId && s.state === 'disconnected'),
      'failure',
    );
    expect(w.states.at(-1)!.error?.code).toBe('ssh.connectionRefused');
  });

  it("expands ~ in a profile's key file and refuses a relative one with a readable error", async () => {
    // The key file as `~/<path>`: HOME points at the key's folder for this test only.
    const savedHome = process.env.HOME;
    process.env.HOME = keyDir;
    try {
      app = await app.restart(); // a fresh agent, so the key must come from the profile's file
      const w = watchSessions(app.api);
      const tilde = await app.api.profiles.save({
        kind: 'portal',
        name: 'Tilde',
        host: '127.0.0.1',
        port: sshd.port,
        user: sshd.user,
        keyPath: '~/id_ed25519',
      });
      const { sessionId } = await app.api.sessions.open({ profileId: tilde.id, cols: 80, rows: 24 });
      await w.until(() => w.prompts.some((p) => p.kind === 'passphrase'), 'passphrase prompt');
      await app.api.prompts.answer({
        id: w.prompts[0]!.id,
        answer: { kind: 'passphrase', passphrase: PASSPHRASE },
      });
      await w.until(
        () => w.states.some((s) => s.sessionId === sessionId && s.state === 'connected'),
        'connected with the ~ key file',
      );
      expect(app.backend.agent.list().map((k) => k.source)).toEqual([join(keyDir, 'id_ed25519')]);
      await app.api.sessions.close({ sessionId });
    } finally {
      process.env.HOME = savedHome;
    }
    const refused = await app.api.profiles
      .save({ kind: 'portal', name: 'Relativ', host: '127.0.0.1', port: 22, user: '', keyPath: 'id_ed25519' })
      .then(
        () => null,
        (error: { info: unknown }) => error.info,
      );
    expect(refused).toEqual({ code: 'path.notAbsolute', params: { path: 'id_ed25519' } });
  });

  it('says the agent is locked instead of a bare login failure', async () => {
    const { api, backend } = app;
    const w = watchSessions(api);
    // A kept connection would be reused without the key: end them first.
    for (const kept of await api.connections.list({})) await api.connections.close({ id: kept.id });
    await backend.agent.lock('sperre');
    try {
      const { sessionId } = await api.sessions.open({ profileId, cols: 80, rows: 24 });
      await w.until(
        () => w.states.some((s) => s.sessionId === sessionId && s.state === 'disconnected'),
        'failure',
      );
      expect(w.states.at(-1)!.error?.code).toBe('agent.locked');
      expect(w.prompts).toEqual([]);
    } finally {
      await backend.agent.unlock('sperre');
    }
  });
});
