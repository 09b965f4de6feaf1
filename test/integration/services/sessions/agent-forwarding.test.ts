// Agent forwarding per profile, against the real OpenSSH sshd and ssh-add on
// the server side: off by default; on, the server's ssh-add sees the key.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../src/shared/contract/api';
import type { SessionState } from '../../../../src/shared/contract/sessions';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { startSshd, type Sshd } from '../../../fixtures/sshd';

async function shellOutput(api: Api, profileId: string, command: string, marker: string): Promise<string> {
  const decoder = new TextDecoder();
  let output = '';
  let sessionId = '';
  const states: SessionState[] = [];
  const offData = api.on('terminal.data', (event) => {
    if (event.sessionId !== sessionId) return;
    output += decoder.decode(event.data);
    void api.terminal.ack({ sessionId, bytes: event.data.byteLength });
  });
  const offState = api.on('session.state', (s) => states.push(s));
  const offPrompt = api.on('prompt.opened', (p) => {
    if (p.kind === 'hostKey')
      void api.prompts.answer({ id: p.id, answer: { kind: 'hostKey', decision: 'acceptAndRemember' } });
  });
  try {
    ({ sessionId } = await api.sessions.open({ profileId, cols: 120, rows: 24 }));
    const end = Date.now() + 20_000;
    const until = async (check: () => boolean, what: string) => {
      while (!check()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(states)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await until(() => states.some((s) => s.sessionId === sessionId && s.state === 'connected'), 'connected');
    // The marker is split in the typed line, so only the command's output contains it whole.
    await api.terminal.write({
      sessionId,
      data: `${command}; echo ${marker.slice(0, 3)}""${marker.slice(3)}\n`,
    });
    await until(() => output.includes(marker), marker);
    return output;
  } finally {
    await api.sessions.close({ sessionId });
    offData();
    offState();
    offPrompt();
  }
}

describe('agent forwarding, per profile', () => {
  let keyDir: string;
  let keyPath: string;
  let sshd: Sshd;
  let app: TestBackend;
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
    const output = await shellOutput(app.api, profile.id, 'echo "sock=${SSH_AUTH_SOCK:-none}"', 'FWDONE');
    expect(output).toContain('sock=none');
  });

  it("on, the server's ssh-add lists the app's key, and it is kept apart from the connection without", async () => {
    const profile = await save(true);
    const output = await shellOutput(app.api, profile.id, 'ssh-add -l', 'FWDONE');
    expect(output).toContain(fingerprint);
    const kept = await app.api.connections.list({});
    // One connection with forwarding, one without: never shared.
    expect(kept).toHaveLength(2);
  });
});
