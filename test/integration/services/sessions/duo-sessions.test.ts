// Logins as IServ wants them, through the whole backend and contract: the
// public key, then DUO on the phone, per hop; the Backupserver through the
// portal (a DUO server fixture standing as portal, in front of a real OpenSSH
// sshd or a second DUO server); kept connections reused without approval.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../src/shared/contract/api';
type ProfileDraft = Parameters<Api['profiles']['save']>[0];
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { startDuoLab, type DuoLab } from '../../../fixtures/app/duo-lab';
import { watchSessions, type KeyboardInteractivePrompt } from '../../../fixtures/app/session-watch';
import { startDuoServer, type DuoServer } from '../../../fixtures/duo-server';
import { startRelay } from '../../../fixtures/tcp-relay';
import type { Sshd } from '../../../fixtures/sshd';

const EMAIL = 'max.muster@firma.de';
const push = () => ['1'];

describe('DUO logins and the Backupserver, through the contract', () => {
  let lab: DuoLab;
  let publicKey: string;
  let keyPath: string;
  let portal: DuoServer;
  let sshd: Sshd;
  let app: TestBackend;

  beforeAll(async () => {
    lab = await startDuoLab({ prefix: 'fw-duo-', comment: EMAIL, sshdConfig: ['AcceptEnv EMAIL'] });
    ({ keyPath, publicKey, portal, sshd } = lab);
  });
  afterAll(async () => {
    await lab?.stop();
  });
  afterEach(async () => {
    await app?.cleanup();
  });

  async function backend(settings: Record<string, number> = {}) {
    app = startTestBackend();
    await app.api.settings.update({ firmPrefix: 'iserv', fullName: 'max.muster', email: EMAIL, ...settings });
    return app.api;
  }
  const profile = (draft: Partial<ProfileDraft>): ProfileDraft => ({
    kind: 'portal',
    name: 'Schule',
    host: '127.0.0.1',
    port: portal.port,
    user: sshd.user,
    keyPath,
    ...draft,
  });

  it('Portalserver: push approved after 3 s, waiting shown from the key on, EMAIL sent', async () => {
    const api = await backend();
    portal.behaviour = { push: { result: 'approve', delayMs: 3000 }, autopush: false };
    const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push] });
    const saved = await api.profiles.save(profile({}));
    const started = Date.now();
    const { sessionId } = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    const last = await w.finalState(sessionId);
    expect(last).toMatchObject({ state: 'connected' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    const duo = w.prompts.find((p): p is KeyboardInteractivePrompt => p.kind === 'keyboardInteractive')!;
    expect(duo.hop).toEqual({ role: 'portal', host: '127.0.0.1', port: portal.port, index: 1, count: 1 });
    expect(duo.prompts[0]!.prompt).toContain('Duo Push to XXX-XXX-1078');
    expect(duo.deadline).toBeGreaterThan(started + 100_000); // the default 2 minutes
    const waiting = w.stateOf(sessionId).filter((s) => s.state === 'waitingForApproval');
    expect(waiting.length).toBeGreaterThanOrEqual(2); // after the key, and after the push was chosen
    expect(waiting[0]!.hop?.index).toBe(1);
    await api.terminal.write({ sessionId, data: 'echo $EMAIL\n' });
    await w.until(() => (w.output.get(sessionId) ?? '').includes(EMAIL), 'EMAIL echoed');
    expect(portal.records.env).toContainEqual(expect.objectContaining({ name: 'EMAIL', value: EMAIL }));
  });

  it('a passcode typed at the menu logs in; a denied push ends with approvalDenied and Retry-able state', async () => {
    const api = await backend();
    portal.behaviour = { passcode: '987654', push: { result: 'deny' }, autopush: false };
    // duo_unix asks up to three times per attempt, and the app tries the method three times.
    const w = watchSessions(api, {
      hostKey: 'acceptAndRemember',
      duo: [() => ['987654'], ...Array.from({ length: 9 }, () => push)],
    });
    const saved = await api.profiles.save(profile({}));
    const first = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    expect((await w.finalState(first.sessionId)).state).toBe('connected');
    for (const kept of await api.connections.list({})) await api.connections.close({ id: kept.id });
    const second = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    const last = await w.finalState(second.sessionId);
    expect(last).toMatchObject({ state: 'disconnected', error: { code: 'ssh.approvalDenied' } });
  });

  it('autopush: no menu, the wait shows from the key on, then the phone approves', async () => {
    const api = await backend();
    portal.behaviour = { autopush: true, push: { result: 'approve', delayMs: 1500 } };
    const w = watchSessions(api, { hostKey: 'acceptAndRemember' });
    const saved = await api.profiles.save(profile({}));
    const { sessionId } = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    await w.until(() => w.stateOf(sessionId).some((s) => s.state === 'waitingForApproval'), 'waiting');
    expect((await w.finalState(sessionId)).state).toBe('connected');
    expect(w.prompts.filter((p) => p.kind === 'keyboardInteractive')).toEqual([]);
  });

  it('cancel while the phone is pending ends the login and leaves no connection behind', async () => {
    const api = await backend();
    portal.behaviour = { autopush: true, push: { result: 'pending' } };
    const w = watchSessions(api, { hostKey: 'acceptAndRemember' });
    const saved = await api.profiles.save(profile({}));
    const { sessionId } = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    await w.until(() => w.stateOf(sessionId).some((s) => s.state === 'waitingForApproval'), 'waiting');
    await api.sessions.cancel({ sessionId });
    const last = await w.finalState(sessionId);
    expect(last).toMatchObject({ state: 'disconnected', error: { code: 'ssh.authCancelled' } });
    await w.until(() => portal.openConnections === 0, 'the portal connection closed');
    expect(await api.connections.list({})).toEqual([]);
  });

  it('Backupserver through the portal to OpenSSH: one approval, the forward recorded; a second tab reuses both', async () => {
    const api = await backend();
    portal.behaviour = { autopush: false, push: { result: 'approve', delayMs: 0 } };
    const forwardsBefore = portal.records.forwards.length;
    const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push] });
    const saved = await api.profiles.save(
      profile({ kind: 'backup', port: sshd.port, portalHost: '127.0.0.1', portalPort: portal.port }),
    );
    const first = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    expect((await w.finalState(first.sessionId)).state).toBe('connected');
    expect(portal.records.forwards.slice(forwardsBefore)).toEqual([
      expect.objectContaining({ destPort: sshd.port }),
    ]);
    await api.terminal.write({ sessionId: first.sessionId, data: 'echo "$EMAIL" via-$((6*7))\n' });
    await w.until(() => (w.output.get(first.sessionId) ?? '').includes(`${EMAIL} via-42`), 'shell on sshd');
    const hostKeyHops = w.prompts.filter((p) => p.kind === 'hostKey').map((p) => p.hop?.role);
    expect(hostKeyHops).toEqual(['portal', 'backup']);

    // A second tab, then one after the first closed: no prompt, no login, no new forward.
    const promptsBefore = w.prompts.length;
    const authBefore = portal.records.auth.length;
    const second = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    expect(await w.finalState(second.sessionId)).toMatchObject({ state: 'connected', reused: true });
    await api.sessions.close({ sessionId: first.sessionId });
    await api.sessions.close({ sessionId: second.sessionId });
    const kept = await api.connections.list({});
    expect(kept.map((c) => c.role).sort()).toEqual(['backup', 'portal']);
    expect(kept.find((c) => c.role === 'backup')!.reusableUntil).toBeGreaterThan(Date.now() + 7 * 3600_000);
    const third = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    expect(await w.finalState(third.sessionId)).toMatchObject({ state: 'connected', reused: true });
    expect(w.prompts.length).toBe(promptsBefore);
    expect(portal.records.auth.length).toBe(authBefore);
    expect(portal.records.forwards.length).toBe(forwardsBefore + 1);
  });

  it('Backupserver through the portal to a second DUO server: two approvals, step 1 and step 2 of 2', async () => {
    const backup = await startDuoServer({ authorizedKeys: [publicKey] });
    try {
      const api = await backend();
      portal.behaviour = { autopush: false, push: { result: 'approve', delayMs: 200 } };
      backup.behaviour = { autopush: false, passcode: '246810' };
      const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push, () => ['246810']] });
      const saved = await api.profiles.save(
        profile({ kind: 'backup', port: backup.port, portalHost: '127.0.0.1', portalPort: portal.port }),
      );
      const { sessionId } = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
      expect((await w.finalState(sessionId)).state).toBe('connected');
      const duo = w.prompts.filter((p): p is KeyboardInteractivePrompt => p.kind === 'keyboardInteractive');
      expect(duo.map((p) => [p.hop.role, p.hop.index, p.hop.count])).toEqual([
        ['portal', 1, 2],
        ['backup', 2, 2],
      ]);
      expect(portal.records.forwards.at(-1)).toMatchObject({ destPort: backup.port });
    } finally {
      await backup.stop();
    }
  });

  it('a changed host key on the backup hop is refused before any userauth reaches it', async () => {
    const backup = await startDuoServer({ authorizedKeys: [publicKey] });
    let replaced: DuoServer | undefined;
    try {
      const api = await backend();
      portal.behaviour = { autopush: false, push: { result: 'approve', delayMs: 0 } };
      const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push, push, push, push] });
      const saved = await api.profiles.save(
        profile({ kind: 'backup', port: backup.port, portalHost: '127.0.0.1', portalPort: portal.port }),
      );
      const first = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
      expect((await w.finalState(first.sessionId)).state).toBe('connected');
      await api.sessions.close({ sessionId: first.sessionId });
      // Closing the portal ends the backup connection running through it.
      for (const kept of await api.connections.list({}))
        if (kept.viaId === null) await api.connections.close({ id: kept.id });
      await w.until(() => backup.openConnections === 0, 'the backup connection closed');
      const port = backup.port;
      await backup.stop();
      replaced = await startDuoServer({ authorizedKeys: [publicKey], port });
      const second = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
      const last = await w.finalState(second.sessionId);
      expect(last).toMatchObject({ state: 'disconnected', error: { code: 'ssh.hostKeyChanged' } });
      expect(replaced.records.auth).toEqual([]);
      expect(replaced.records.connections).toBe(1);
    } finally {
      await replaced?.stop();
      await backup.stop().catch(() => undefined);
    }
  });

  it('a changed host key on the portal hop is refused before any userauth, and no forward is asked', async () => {
    const first = await startDuoServer({ authorizedKeys: [publicKey] });
    let replaced: DuoServer | undefined;
    try {
      const api = await backend();
      first.behaviour = { autopush: false, push: { result: 'approve', delayMs: 0 } };
      const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push] });
      const saved = await api.profiles.save(
        profile({ kind: 'backup', port: sshd.port, portalHost: '127.0.0.1', portalPort: first.port }),
      );
      const ok = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
      expect((await w.finalState(ok.sessionId)).state).toBe('connected');
      await api.sessions.close({ sessionId: ok.sessionId });
      for (const kept of await api.connections.list({}))
        if (kept.viaId === null) await api.connections.close({ id: kept.id });
      const port = first.port;
      await first.stop();
      replaced = await startDuoServer({ authorizedKeys: [publicKey], port });
      const second = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
      expect(await w.finalState(second.sessionId)).toMatchObject({
        state: 'disconnected',
        error: { code: 'ssh.hostKeyChanged' },
      });
      expect(replaced.records.auth).toEqual([]);
      expect(replaced.records.forwards).toEqual([]);
    } finally {
      await replaced?.stop();
      await first.stop().catch(() => undefined);
    }
  });

  it('a portal that refuses forwarding is named as such, with no fallback on the portal', async () => {
    const strict = await startDuoServer({ authorizedKeys: [publicKey], allowForwarding: false });
    try {
      const api = await backend();
      strict.behaviour = { autopush: false, push: { result: 'approve', delayMs: 0 } };
      const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push] });
      const saved = await api.profiles.save(
        profile({ kind: 'backup', port: sshd.port, portalHost: '127.0.0.1', portalPort: strict.port }),
      );
      const { sessionId } = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
      expect(await w.finalState(sessionId)).toMatchObject({
        state: 'disconnected',
        error: {
          code: 'ssh.forwardingRefused',
          params: { host: '127.0.0.1', port: strict.port, target: `127.0.0.1:${sshd.port}` },
        },
      });
      expect(strict.records.forwards).toEqual([expect.objectContaining({ outcome: 'prohibited' })]);
      // Nothing was run on the portal instead (no exec like `nc`).
      expect(strict.records.exec).toEqual([]);
    } finally {
      await strict.stop();
    }
  });

  it('an automatic reconnect (reuseOnly) never logs in: no kept connection, no server contact', async () => {
    const api = await backend();
    portal.behaviour = { autopush: false, push: { result: 'approve', delayMs: 0 } };
    const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push] });
    const saved = await api.profiles.save(profile({}));
    const connectionsBefore = portal.records.connections;
    const refused = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24, reuseOnly: true });
    expect(await w.finalState(refused.sessionId)).toMatchObject({
      state: 'disconnected',
      error: { code: 'session.notKept' },
    });
    expect(portal.records.connections).toBe(connectionsBefore);
    expect(w.prompts).toEqual([]);
    // Once a connection is kept (the user logged in), the automatic reconnect runs on it.
    const manual = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    expect((await w.finalState(manual.sessionId)).state).toBe('connected');
    const auto = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24, reuseOnly: true });
    expect(await w.finalState(auto.sessionId)).toMatchObject({ state: 'connected', reused: true });
    expect(portal.records.connections).toBe(connectionsBefore + 1);
  });

  it('"connect once" is not remembered', async () => {
    const api = await backend();
    portal.behaviour = { autopush: false, push: { result: 'approve', delayMs: 0 } };
    const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push] });
    w.setHostKeyDecision('connectOnce');
    const saved = await api.profiles.save(profile({}));
    const { sessionId } = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    expect((await w.finalState(sessionId)).state).toBe('connected');
    expect(app.backend.knownHosts.list()).toEqual([]);
  });

  it('keepalive detects a stalled link and says so', async () => {
    const relay = await startRelay('127.0.0.1', portal.port);
    try {
      const api = await backend({ keepaliveSeconds: 1 });
      portal.behaviour = { autopush: false, push: { result: 'approve', delayMs: 0 } };
      const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push] });
      const saved = await api.profiles.save(profile({ port: relay.port }));
      const { sessionId } = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
      expect((await w.finalState(sessionId)).state).toBe('connected');
      relay.stall();
      await w.until(
        () => w.stateOf(sessionId).some((s) => s.state === 'disconnected'),
        'keepalive to notice the stall',
        15_000,
      );
      expect(w.stateOf(sessionId).at(-1)).toMatchObject({ error: { code: 'ssh.keepaliveTimeout' } });
    } finally {
      await relay.stop();
    }
  });

  it('a quick connect to a Backupserver domain plans backup.<domain> through <domain>', async () => {
    const api = await backend();
    const w = watchSessions(api, { hostKey: 'acceptAndRemember' });
    const { sessionId } = await api.sessions.open({
      quick: { kind: 'backup', host: 'schule.invalid' },
      cols: 80,
      rows: 24,
    });
    const last = await w.finalState(sessionId);
    // The test backend resolves no names: the portal hop is the one that fails, named as such.
    expect(last.state).toBe('disconnected');
    expect(w.stateOf(sessionId)[0]).toMatchObject({
      state: 'connecting',
      hop: { role: 'portal', host: 'schule.invalid', index: 1, count: 2 },
    });
  });
});
