// Faults on one hop of a Backupserver session (the portal as jump host, a DUO
// server fixture, in front of OpenSSH sshd), through the whole backend: the
// backup's link reset while the portal stays up, and the portal's link reset
// under a live backup session. The session ends with its reason; what survives
// is exactly what should (the portal connection, with no channel left open on
// it), and closing that leaves nothing behind.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';
import { startDuoLab, type DuoLab } from '../../fixtures/app/duo-lab';
import { watchSessions } from '../../fixtures/app/session-watch';
import { startDuoServer, type DuoServer } from '../../fixtures/duo-server';
import { startRelay, type Relay } from '../../fixtures/tcp-relay';
import type { Sshd } from '../../fixtures/sshd';
import { baseline, expectNoLeaks, footprint } from './leak-check';
import { expectShownReason } from './shown-status';

const push = () => ['1'];

describe('faults on one hop of a Backupserver session', () => {
  let lab: DuoLab;
  let keyPath: string;
  let portal: DuoServer;
  let sshd: Sshd;
  let relay: Relay;
  let app: TestBackend;

  beforeAll(async () => {
    lab = await startDuoLab({ prefix: 'fw-hop-faults-' });
    ({ keyPath, portal, sshd } = lab);
    portal.behaviour = { autopush: false, push: { result: 'approve', delayMs: 0 } };
  });
  afterAll(async () => {
    await lab?.stop();
  });
  afterEach(async () => {
    await app?.cleanup();
    await relay?.stop();
  });

  /** A fresh backend with one Backupserver profile: the portal, then the backup on 127.0.0.1. */
  async function backendWithBackupProfile(portalPort: number, backupPort: number) {
    app = startTestBackend();
    const { api } = app;
    await api.settings.update({ firmPrefix: 'iserv', fullName: 'max.muster' });
    const saved = await api.profiles.save({
      kind: 'backup',
      name: 'Backup',
      host: '127.0.0.1',
      port: backupPort,
      portalHost: '127.0.0.1',
      portalPort,
      user: sshd.user,
      keyPath,
    });
    return { api, saved };
  }

  /** A connected, busy Backupserver session; the relay sits on the hop named. */
  async function busyBackupSession(relayOn: 'portal' | 'backup') {
    relay = await startRelay('127.0.0.1', relayOn === 'portal' ? portal.port : sshd.port);
    const { api, saved } = await backendWithBackupProfile(
      relayOn === 'portal' ? relay.port : portal.port,
      relayOn === 'backup' ? relay.port : sshd.port,
    );
    const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push] });
    const before = await baseline(app);
    const { sessionId } = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
    expect((await w.finalState(sessionId)).state).toBe('connected');
    await api.terminal.write({ sessionId, data: 'stty -echo; yes 0123456789abcdef\n' });
    await w.until(() => (w.output.get(sessionId)?.length ?? 0) > 1_000_000, 'output flowing');
    return { api, w, sessionId, before, profileId: saved.id };
  }

  it('backup link reset, portal alive: the session ends, the portal is kept with no channel open', async () => {
    const { api, w, sessionId, before, profileId } = await busyBackupSession('backup');
    const portalConnections = portal.openConnections;
    relay.reset();
    await w.until(() => w.stateOf(sessionId).at(-1)?.state === 'disconnected', 'disconnected');
    expectShownReason(w.stateOf(sessionId).at(-1), 'ssh.disconnected', /unerwartet getrennt/);
    await w.until(() => footprint(app).channels === 0, 'the forward channel closed on the portal');
    expect((await api.connections.list({})).map((c) => c.role)).toEqual(['portal']);
    expect(portal.openConnections).toBe(portalConnections);

    // Reconnect needs only the backup's login: the portal is reused, no new DUO on it.
    const authBefore = portal.records.auth.length;
    const again = await api.sessions.open({ profileId, cols: 80, rows: 24 });
    expect((await w.finalState(again.sessionId)).state).toBe('connected');
    expect(portal.records.auth.length).toBe(authBefore);
    await api.sessions.close({ sessionId: again.sessionId });
    for (const kept of await api.connections.list({}))
      if (kept.viaId === null) await api.connections.close({ id: kept.id });
    await expectNoLeaks(app, before);
  });

  it('backup link reset during the DUO wait on the backup hop: the login ends, the portal keeps no forward channel', async () => {
    const backup = await startDuoServer({ authorizedKeys: [lab.publicKey] });
    try {
      backup.behaviour = { autopush: true, push: { result: 'pending' } };
      relay = await startRelay('127.0.0.1', backup.port);
      const { api, saved } = await backendWithBackupProfile(portal.port, relay.port);
      const w = watchSessions(api, { hostKey: 'acceptAndRemember', duo: [push] });
      const before = await baseline(app);
      const { sessionId } = await api.sessions.open({ profileId: saved.id, cols: 80, rows: 24 });
      await w.until(
        () => w.stateOf(sessionId).some((s) => s.state === 'waitingForApproval' && s.hop?.role === 'backup'),
        'the backup hop waiting for the phone',
      );
      relay.reset();
      expectShownReason(await w.finalState(sessionId), 'ssh.disconnected', /unerwartet getrennt/);
      await w.until(() => footprint(app).channels === 0, 'the forward channel closed on the portal');
      expect((await api.connections.list({})).map((c) => c.role)).toEqual(['portal']);
      for (const kept of await api.connections.list({})) await api.connections.close({ id: kept.id });
      await expectNoLeaks(app, before);
    } finally {
      await backup.stop();
    }
  });

  it('portal link reset under a live backup session: both hops end, the reason shown, nothing kept', async () => {
    const { api, w, sessionId, before } = await busyBackupSession('portal');
    relay.reset();
    await w.until(() => w.stateOf(sessionId).at(-1)?.state === 'disconnected', 'disconnected');
    expectShownReason(w.stateOf(sessionId).at(-1), 'ssh.disconnected', /unerwartet getrennt/);
    expect(await api.connections.list({})).toEqual([]);
    await expectNoLeaks(app, before);
    expect(relay.openConnections).toBe(0);
  });
});
