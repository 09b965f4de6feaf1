// The first output of a shell can come in the same read as the shell's
// confirmation. A view that acknowledges it at once (here: synchronously on
// the event) must still reach the session's terminal; a lost acknowledgement
// left that output "in the view" for good and held everything after it (seen
// as shells that printed "Last login" and nothing more).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { startDuoServer, type DuoServer } from '../../../fixtures/duo-server';
import { SHELL_PROMPT } from '../../../fixtures/duo/shell';

describe('the first output of a shell', () => {
  let dir: string;
  let server: DuoServer;
  let app: TestBackend;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-first-ack-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id')]);
    server = await startDuoServer({
      authorizedKeys: [readFileSync(join(dir, 'id.pub'), 'utf8')],
      duo: false,
      // The server writes the shell's confirmation and its prompt, then holds
      // this process (the client's too) a moment: the client then reads both
      // in one go, as a busy machine does with sshd's "Last login".
      onShellStarted: () => {
        const until = Date.now() + 150;
        while (Date.now() < until);
      },
    });
    app = startTestBackend();
    await app.api.settings.update({ firmPrefix: 'iserv', fullName: 'max.mustermann', email: 'max@firma.de' });
  });
  afterAll(async () => {
    await app?.cleanup();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is acknowledged even when the view answers before the session is reported connected', async () => {
    const { backend, api } = app;
    // A view as fast as can be: each batch is acknowledged inside the event
    // that carries it, and only there (no second, later acknowledgement).
    const acked: number[] = [];
    let output = '';
    let connected = false;
    backend.events.subscribe((name, payload) => {
      if (name === 'session.state') connected ||= (payload as { state: string }).state === 'connected';
      if (name !== 'terminal.data') return;
      const { sessionId, data } = payload as { sessionId: string; data: Uint8Array };
      output += Buffer.from(data).toString('utf8');
      acked.push(data.byteLength);
      backend.sessions.ack(sessionId, data.byteLength);
    });
    const [keyType, keyBase64] = server.hostPublicKey.split(' ');
    backend.knownHosts.remember('127.0.0.1', server.port, {
      keyType: keyType!,
      keyBase64: keyBase64!,
      fingerprint: server.hostFingerprint,
    });
    const profile = await api.profiles.save({
      kind: 'portal',
      name: 'Schnell',
      host: '127.0.0.1',
      port: server.port,
      user: 'iserv-max.mustermann',
      keyPath: join(dir, 'id'),
    });
    const { sessionId } = await api.sessions.open({ profileId: profile.id, cols: 80, rows: 24 });
    await expect.poll(() => connected && output, { timeout: 10_000 }).toContain(SHELL_PROMPT);
    expect(acked[0]).toBe(SHELL_PROMPT.length);

    // The fixture's shell expands $USER: the echo of the typed line does not match.
    await api.terminal.write({ sessionId, data: 'echo $USER\r' });
    await expect.poll(() => output, { timeout: 5_000 }).toContain('\r\niserv-max.mustermann\r\n');
    expect(backend.sessions.flowStats(sessionId)).toMatchObject({ unacked: 0 });
  });
});
