// Agent forwarding per profile, against the real OpenSSH sshd and ssh-add on
// the server side: off by default; on, the server's ssh-add sees the key.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../src/shared/contract/api';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { watchSessions } from '../../../fixtures/app/session-watch';
import { startSshd, type Sshd } from '../../../fixtures/sshd';

/** Opens the profile, types `command`, and returns the output up to `marker`. */
async function shellOutput(
  api: Api,
  w: ReturnType<typeof watchSessions>,
  profileId: string,
  command: string,
  marker: string,
): Promise<string> {
  const { sessionId } = await api.sessions.open({ profileId, cols: 120, rows: 24 });
  try {
    expect((await w.finalState(sessionId)).state).toBe('connected');
    // The marker is split in the typed line, so only the command's output contains it whole.
    await api.terminal.write({
      sessionId,
      data: `${command}; echo ${marker.slice(0, 3)}""${marker.slice(3)}\n`,
    });
    await w.until(() => (w.output.get(sessionId) ?? '').includes(marker), marker);
    return w.output.get(sessionId)!;
  } finally {
    await api.sessions.close({ sessionId });
  }
}

describe('agent forwarding, per profile', () => {
  let keyDir: string;
  let keyPath: string;
  let sshd: Sshd;
  let app: TestBackend;
  let w: ReturnType<typeof watchSessions>;
  let fingerprint: string;

  beforeAll(async () => {
    keyDir = mkdtempSync(join(tmpdir(), 'fw-fwd-'));
    keyPath = join(keyDir, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'max@firma.de', '-f', keyPath]);
    fingerprint = execFileSync('ssh-keygen', ['-l', '-f', `${keyPath}.pub`], { encoding: 'utf8' }).split(
      ' ',
    )[1]!;
    sshd = await startSshd({ authorizedKeys: [readFileSync(`${keyPath}.pub`, 'utf8')] });
    app = startTestBackend();
    w = watchSessions(app.api, { hostKey: 'acceptAndRemember' });
    await app.api.settings.update({ firmPrefix: 'iserv', fullName: 'max.muster', email: 'max@firma.de' });
  });
  afterAll(async () => {
    await app?.cleanup();
    await sshd?.stop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  const save = (agentForwarding: boolean) =>
    app.api.profiles.save({
      kind: 'portal',
      name: agentForwarding ? 'Mit Agent' : 'Ohne Agent',
      host: '127.0.0.1',
      port: sshd.port,
      user: sshd.user,
      keyPath,
      agentForwarding,
    });

  it('is off by default: the server has no agent', async () => {
    const profile = await save(false);
    const output = await shellOutput(app.api, w, profile.id, 'echo "sock=${SSH_AUTH_SOCK:-none}"', 'FWDONE');
    expect(output).toContain('sock=none');
  });

  it("on, the server's ssh-add lists the app's key, and it is kept apart from the connection without", async () => {
    const profile = await save(true);
    const output = await shellOutput(app.api, w, profile.id, 'ssh-add -l', 'FWDONE');
    expect(output).toContain(fingerprint);
    const kept = await app.api.connections.list({});
    // One connection with forwarding, one without: never shared.
    expect(kept).toHaveLength(2);
  });
});
