// 50 MB of terminal output through the backend and the contract to a slow
// reader: the backend holds only what the reader has not acknowledged yet,
// so its memory stays bounded however fast the server writes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { startSshd, type Sshd } from '../../../fixtures/sshd';

const TOTAL = 50_000_000;

describe('terminal output under flow control', () => {
  let sshd: Sshd;
  let keyDir: string;
  let app: TestBackend;

  beforeAll(async () => {
    keyDir = mkdtempSync(join(tmpdir(), 'fw-flow-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(keyDir, 'id')]);
    sshd = await startSshd({ authorizedKeys: [readFileSync(join(keyDir, 'id.pub'), 'utf8')] });
    app = startTestBackend();
    await app.backend.agent.addFromFile(join(keyDir, 'id'));
    app.backend.knownHosts.remember('127.0.0.1', sshd.port, {
      keyType: sshd.hostPublicKey.split(' ')[0]!,
      keyBase64: sshd.hostPublicKey.split(' ')[1]!,
      fingerprint: sshd.hostFingerprint,
    });
  });
  afterAll(async () => {
    await app?.cleanup();
    await sshd?.stop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('streams 50 MB to a slow reader with bounded unacknowledged bytes and memory', async () => {
    const { api, backend } = app;
    await api.settings.update({ firmPrefix: 'iserv', fullName: 'max.mustermann' });
    const profile = await api.profiles.save({
      kind: 'portal',
      name: 'Flut',
      host: '127.0.0.1',
      port: sshd.port,
      user: sshd.user,
      keyPath: '',
    });
    let received = 0;
    let connected = false;
    let maxInFlight = 0;
    const queue: number[] = [];
    const { sessionId } = await api.sessions.open({ profileId: profile.id, cols: 80, rows: 24 });
    api.on('session.state', (s) => {
      if (s.sessionId === sessionId && s.state === 'connected') connected = true;
    });
    api.on('terminal.data', ({ data }) => {
      received += data.byteLength;
      queue.push(data.byteLength);
      maxInFlight = Math.max(
        maxInFlight,
        queue.reduce((a, b) => a + b, 0),
      );
    });
    while (!connected) await new Promise((r) => setTimeout(r, 10));
    // No echo of our command line: only the flood counts.
    await api.terminal.write({
      sessionId,
      data: `stty -echo; head -c ${TOTAL} /dev/zero | tr '\\0' 'x'; echo; echo FLOOD-DONE\n`,
    });

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const started = Date.now();
    // A slow reader: acknowledges at most 1 MiB every 5 ms (about 200 MB/s at best).
    while (received < TOTAL && Date.now() - started < 60_000) {
      await new Promise((r) => setTimeout(r, 5));
      let budget = 1024 * 1024;
      let acked = 0;
      while (queue.length && budget > 0) {
        const n = queue.shift()!;
        budget -= n;
        acked += n;
      }
      if (acked) await api.terminal.ack({ sessionId, bytes: acked });
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }
    expect(received).toBeGreaterThanOrEqual(TOTAL);
    // What main sent but the reader had not acknowledged stayed within the flow-control window.
    expect(maxInFlight).toBeLessThan(2 * 1024 * 1024);
    const stats = backend.sessions.flowStats(sessionId);
    expect(stats?.pauses).toBeGreaterThan(0);
    expect(stats!.peakUnacked).toBeLessThan(2 * 1024 * 1024);
    // 50 MB went through; the process grew by far less.
    expect(rssPeak - rssBefore).toBeLessThan(100 * 1024 * 1024);
    await api.sessions.close({ sessionId });
  }, 90_000);
});
