// The profiles exported as an OpenSSH config work with the real `ssh`: through
// the app's agent socket (IdentityAgent), with the app's known hosts exported
// as the only known_hosts file and strict checking, directly and with
// ProxyJump through a portal. The Backupserver is the same sshd behind a
// relay on another port (OpenSSH refuses a jump to the very host:port it jumps through).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { watchSessions } from '../../../fixtures/app/session-watch';
import { startSshd, type Sshd } from '../../../fixtures/sshd';
import { startRelay, type Relay } from '../../../fixtures/tcp-relay';

const run = promisify(execFile);

describe('export as OpenSSH config', () => {
  let dir: string;
  let sshd: Sshd;
  let backup: Relay;
  let app: TestBackend;
  let configFile: string;
  let knownHostsFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-export-'));
    const keyPath = join(dir, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'max@firma.de', '-f', keyPath]);
    sshd = await startSshd({ authorizedKeys: [readFileSync(`${keyPath}.pub`, 'utf8')] });
    backup = await startRelay('127.0.0.1', sshd.port);
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
    const backupProfile = await app.api.profiles.save({
      kind: 'backup',
      name: 'Schule Backup',
      host: '127.0.0.1',
      port: backup.port,
      portalHost: '127.0.0.1',
      portalPort: sshd.port,
      user: sshd.user,
      keyPath: '',
    });
    // The host key reaches the app's known hosts the usual way: confirmed on first contact.
    const w = watchSessions(app.api, { hostKey: 'acceptAndRemember' });
    for (const profile of [direct, backupProfile]) {
      const { sessionId } = await app.api.sessions.open({ profileId: profile.id, cols: 80, rows: 24 });
      expect((await w.finalState(sessionId)).state).toBe('connected');
      await app.api.sessions.close({ sessionId });
    }

    configFile = join(dir, 'config');
    knownHostsFile = join(dir, 'known_hosts');
    writeFileSync(configFile, (await app.api.export.sshConfig({})).text);
    writeFileSync(knownHostsFile, (await app.api.export.knownHosts({})).text);
  });
  afterAll(async () => {
    await app?.cleanup();
    await backup?.stop();
    await sshd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The user's own config, as the export's header suggests: `Include` the
   * exported file. Options on ssh's command line would not reach the jump
   * host's ssh; a config given with -F does.
   */
  const userConfig = (knownHosts: string) => {
    const file = join(dir, `user-config-${knownHosts === '/dev/null' ? 'empty' : 'exported'}`);
    writeFileSync(
      file,
      [
        'BatchMode yes',
        'StrictHostKeyChecking yes',
        `UserKnownHostsFile ${knownHosts}`,
        'GlobalKnownHostsFile /dev/null',
        `Include ${configFile}`,
        '',
      ].join('\n'),
    );
    return file;
  };
  const ssh = (alias: string, knownHosts = knownHostsFile) =>
    run('ssh', ['-F', userConfig(knownHosts), alias, 'echo user=$(id -un)'], {
      // No agent but the one the config names; no keys of the test runner's.
      env: { PATH: process.env.PATH, HOME: dir },
      timeout: 20_000,
    });

  it('logs in directly through the app agent, the host key checked against the exported known_hosts', async () => {
    const { stdout } = await ssh('schule-direkt');
    expect(stdout.trim()).toBe(`user=${sshd.user}`);
  });

  it('reaches a Backupserver profile with ProxyJump through its portal', async () => {
    const before = backup.connections;
    const { stdout } = await ssh('schule-backup');
    expect(stdout.trim()).toBe(`user=${sshd.user}`);
    expect(backup.connections).toBe(before + 1);
  });

  it('fails without the exported known hosts (so the tests above checked them)', async () => {
    await expect(ssh('schule-direkt', '/dev/null')).rejects.toThrow(/Host key verification failed/);
    await expect(ssh('schule-backup', '/dev/null')).rejects.toThrow(/Host key verification failed/);
  });
});
