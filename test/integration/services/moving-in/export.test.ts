// The profiles exported as an OpenSSH config work with the real `ssh`: through
// the app's agent socket (IdentityAgent), with the app's known hosts exported
// as the only known_hosts file and strict checking, directly and with
// ProxyJump through a portal.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { watchSessions } from '../../../fixtures/app/session-watch';
import { startSshd, type Sshd } from '../../../fixtures/sshd';

const run = promisify(execFile);

describe('export as OpenSSH config', () => {
  let dir: string;
  let sshd: Sshd;
  let app: TestBackend;
  let configFile: string;
  let knownHostsFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-export-'));
    const keyPath = join(dir, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'max@firma.de', '-f', keyPath]);
    sshd = await startSshd({ authorizedKeys: [readFileSync(`${keyPath}.pub`, 'utf8')] });
    app = startTestBackend(undefined, { agentSocket: join(dir, 'agent.sock') });
    await app.backend.agentService.ready();
    await app.api.settings.update({ firmPrefix: 'iserv', fullName: 'max.muster', email: 'max@firma.de' });
    await app.api.agent.addFile({ path: keyPath });
    const direct = await app.api.profiles.save({
      kind: 'portal',
      name: 'Schule Direkt',
      host: '127.0.0.1',
      port: sshd.port,
      user: sshd.user,
      keyPath: '',
    });
    await app.api.profiles.save({
      kind: 'backup',
      name: 'Schule Backup',
      host: '127.0.0.1',
      port: sshd.port,
      portalHost: '127.0.0.1',
      portalPort: sshd.port,
      user: sshd.user,
      keyPath: '',
    });
    // The host key reaches the app's known hosts the usual way: confirmed on first contact.
    const w = watchSessions(app.api, { hostKey: 'acceptAndRemember' });
    const { sessionId } = await app.api.sessions.open({ profileId: direct.id, cols: 80, rows: 24 });
    expect((await w.finalState(sessionId)).state).toBe('connected');
    await app.api.sessions.close({ sessionId });

    configFile = join(dir, 'config');
    knownHostsFile = join(dir, 'known_hosts');
    writeFileSync(configFile, (await app.api.export.sshConfig({})).text);
    writeFileSync(knownHostsFile, (await app.api.export.knownHosts({})).text);
  });
  afterAll(async () => {
    await app?.cleanup();
    await sshd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const ssh = (alias: string) =>
    run(
      'ssh',
      [
        '-F',
        configFile,
        '-o',
        'BatchMode=yes',
        '-o',
        'StrictHostKeyChecking=yes',
        '-o',
        `UserKnownHostsFile=${knownHostsFile}`,
        '-o',
        'GlobalKnownHostsFile=/dev/null',
        alias,
        'echo user=$(id -un)',
      ],
      // No agent but the one the config names; no keys of the test runner's.
      { env: { PATH: process.env.PATH, HOME: dir }, timeout: 20_000 },
    );

  it('logs in directly through the app agent, the host key checked against the exported known_hosts', async () => {
    const { stdout } = await ssh('schule-direkt');
    expect(stdout.trim()).toBe(`user=${sshd.user}`);
  });

  it('reaches a Backupserver profile with ProxyJump through its portal', async () => {
    const { stdout } = await ssh('schule-backup');
    expect(stdout.trim()).toBe(`user=${sshd.user}`);
  });

  it('fails without the exported known hosts (so the test above checked them)', async () => {
    await expect(
      run(
        'ssh',
        [
          '-F',
          configFile,
          '-o',
          'BatchMode=yes',
          '-o',
          'StrictHostKeyChecking=yes',
          '-o',
          'UserKnownHostsFile=/dev/null',
          'schule-direkt',
          'true',
        ],
        { env: { PATH: process.env.PATH, HOME: dir }, timeout: 20_000 },
      ),
    ).rejects.toThrow(/Host key verification failed/);
  });
});
