// Faults on the line to a Portalserver, through the whole backend and the
// contract: the TCP relay fixture sits between the app and the server and
// resets the link during the key exchange, during the DUO wait and during a
// busy session, or stalls it until keepalive gives up; sshd itself dies
// mid-output. Each ends in `disconnected` with a reason the tab shows (Getrennt,
// the reason, Reconnect), and the backend is left with no more sockets,
// timers, channels, prompts or listeners than before the session.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../src/shared/contract/api';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';
import { startDuoLab, type DuoLab } from '../../fixtures/app/duo-lab';
import { watchSessions } from '../../fixtures/app/session-watch';
import type { DuoServer } from '../../fixtures/duo-server';
import { startRelay, type Relay } from '../../fixtures/tcp-relay';
import type { Sshd } from '../../fixtures/sshd';
import { baseline, expectNoLeaks, footprint } from './leak-check';
import { expectShownReason } from './shown-status';

type ProfileDraft = Parameters<Api['profiles']['save']>[0];

describe('faults on the link to a Portalserver', () => {
  let lab: DuoLab;
  let keyPath: string;
  let portal: DuoServer;
  let sshd: Sshd;
  let relay: Relay;
  let app: TestBackend;

  beforeAll(async () => {
    lab = await startDuoLab({ prefix: 'fw-faults-' });
    ({ keyPath, portal, sshd } = lab);
  });
  afterAll(async () => {
    await lab?.stop();
  });
  afterEach(async () => {
    await app?.cleanup();
    await relay?.stop();
  });

  /** A backend whose one profile goes through a fresh relay to `target`. */
  async function setUp(target: { port: number }, settings: Record<string, number> = {}) {
    relay = await startRelay('127.0.0.1', target.port);
    app = startTestBackend();
    await app.api.settings.update({ firmPrefix: 'iserv', fullName: 'max.muster', ...settings });
    const draft: ProfileDraft = {
      kind: 'portal',
      name: 'Schule',
      host: '127.0.0.1',
      port: relay.port,
      user: sshd.user,
      keyPath,
    };
    const saved = await app.api.profiles.save(draft);
    return { api: app.api, profileId: saved.id };
  }

  it('a reset during the key exchange (host key question open) ends it, the question closed', async () => {
    const { api, profileId } = await setUp(portal);
    const w = watchSessions(api); // the host key question stays open
    const closedPrompts: string[] = [];
    api.on('prompt.closed', ({ id }) => closedPrompts.push(id));
    const before = await baseline(app);
    const { sessionId } = await api.sessions.open({ profileId, cols: 80, rows: 24 });
    await w.until(() => w.prompts.some((p) => p.kind === 'hostKey'), 'the host key question');
    relay.reset();
    expectShownReason(await w.finalState(sessionId), 'ssh.disconnected', /unerwartet getrennt/);
    expect(closedPrompts).toEqual([w.prompts[0]!.id]);
    expect(portal.records.auth).toEqual([]);
    await expectNoLeaks(app, before);
    expect(relay.openConnections).toBe(0);
  });

  it('a reset in the middle of the key exchange packets (link throttled) ends it with the link named', async () => {
    const { api, profileId } = await setUp(portal);
    const w = watchSessions(api, { hostKey: 'acceptAndRemember' });
    relay.throttle(2000); // the server's KEXINIT alone takes a good part of a second
    const before = await baseline(app);
    const { sessionId } = await api.sessions.open({ profileId, cols: 80, rows: 24 });
    // Past the version lines (about 40 bytes each way), inside the binary packets.
    await w.until(() => relay.bytes.toClient > 300 && relay.bytes.toTarget > 300, 'the key exchange running');
    relay.reset();
    expectShownReason(await w.finalState(sessionId), 'ssh.disconnected', /unerwartet getrennt/);
    expect(w.prompts).toEqual([]);
    await expectNoLeaks(app, before);
  });

  it('a reset during the DUO wait ends the login with the link named, no approval timer left', async () => {
    const { api, profileId } = await setUp(portal);
    portal.behaviour = { autopush: true, push: { result: 'pending' } };
    const w = watchSessions(api, { hostKey: 'acceptAndRemember' });
    const before = await baseline(app);
    const { sessionId } = await api.sessions.open({ profileId, cols: 80, rows: 24 });
    await w.until(() => w.stateOf(sessionId).some((s) => s.state === 'waitingForApproval'), 'the DUO wait');
    relay.reset();
    expectShownReason(await w.finalState(sessionId), 'ssh.disconnected', /unerwartet getrennt/);
    expect(await api.connections.list({})).toEqual([]);
    await expectNoLeaks(app, before);
  });

  it('a reset during a busy session (output flowing) ends it; nothing is kept of the dead link', async () => {
    const { api, profileId } = await setUp(sshd);
    const w = watchSessions(api, { hostKey: 'acceptAndRemember' });
    const before = await baseline(app);
    const { sessionId } = await api.sessions.open({ profileId, cols: 80, rows: 24 });
    expect((await w.finalState(sessionId)).state).toBe('connected');
    await api.terminal.write({ sessionId, data: 'stty -echo; yes 0123456789abcdef\n' });
    await w.until(() => (w.output.get(sessionId)?.length ?? 0) > 2_000_000, 'output flowing');
    relay.reset();
    await w.until(() => w.stateOf(sessionId).at(-1)?.state === 'disconnected', 'disconnected');
    expectShownReason(w.stateOf(sessionId).at(-1), 'ssh.disconnected', /unerwartet getrennt/);
    expect(await api.connections.list({})).toEqual([]);
    await expectNoLeaks(app, before);
  });

  it('a stalled link is given up by keepalive within interval × count, named as such', async () => {
    const { api, profileId } = await setUp(sshd, { keepaliveSeconds: 1 });
    const w = watchSessions(api, { hostKey: 'acceptAndRemember' });
    const before = await baseline(app);
    const { sessionId } = await api.sessions.open({ profileId, cols: 80, rows: 24 });
    expect((await w.finalState(sessionId)).state).toBe('connected');
    relay.stall();
    const stalledAt = Date.now();
    await w.until(() => w.stateOf(sessionId).at(-1)?.state === 'disconnected', 'keepalive', 10_000);
    const took = Date.now() - stalledAt;
    expectShownReason(w.stateOf(sessionId).at(-1), 'ssh.keepaliveTimeout', /antwortet nicht mehr/);
    // ssh2 gives up on the 4th tick after the last answer (3 unanswered pings 1 s apart,
    // OpenSSH's ServerAliveCountMax): so 3–4 s after the stall, measured about 4.3 s;
    // the rest is slack for a loaded machine.
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(took).toBeLessThan(6500);
    expect(await api.connections.list({})).toEqual([]);
    // The stalled relay still holds its two sockets (the app's close waits in its queue);
    // the app's own socket is gone. Then the relay lets go, and nothing else is left.
    const sockets = (f: ReturnType<typeof footprint>) => f.resources.TCPSocketWrap ?? 0;
    await w.until(
      () => sockets(footprint(app)) - sockets(before) === 2 * relay.openConnections,
      'app socket closed',
    );
    expect(relay.openConnections).toBe(1);
    relay.cut();
    await expectNoLeaks(app, before);
  });

  it('the server going away mid-output ends the session with the connection named, not a silent exit', async () => {
    const { api, profileId } = await setUp(sshd);
    const w = watchSessions(api, { hostKey: 'acceptAndRemember' });
    const before = await baseline(app);
    const { sessionId } = await api.sessions.open({ profileId, cols: 80, rows: 24 });
    expect((await w.finalState(sessionId)).state).toBe('connected');
    // The shell's parent is sshd's process for this connection: killing it is the server going away.
    await api.terminal.write({
      sessionId,
      data: 'stty -echo; (sleep 0.5; kill -KILL $PPID) & yes 0123456789abcdef\n',
    });
    await w.until(() => w.stateOf(sessionId).at(-1)?.state === 'disconnected', 'disconnected');
    expect((w.output.get(sessionId) ?? '').length).toBeGreaterThan(100_000);
    expectShownReason(w.stateOf(sessionId).at(-1), 'ssh.disconnected', /unerwartet getrennt/);
    expect(await api.connections.list({})).toEqual([]);
    await expectNoLeaks(app, before);
  });
});
