import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedProfile } from '../../../../src/shared/model/moving-in';
import { importSshConfig } from '../../../../src/main/moving-in/openssh/config-import';
import { sshEffectiveConfig } from './openssh-tools';
import { tempHome } from './temp-home';

const VENDOR_CONFIG = `# Wie der Hersteller es beschreibt, plus was Techniker so haben
Host schule-a
  HostName meine-schule.de
Host backup-a
  HostName backup.meine-schule.de
  ProxyJump portal-a
Host portal-a
  HostName %h.meine-schule.de
  Port 2222
Host lan
  HostName=10.255.0.1
  User = "iserv-erika.muster"
  Port 2200
  ForwardAgent yes
Host zwei
  HostName 10.0.0.2
  ProxyJump a.de,b.de
Host direkt
  HostName Direkt.DE
  ProxyJump none
Host kommando
  HostName 10.0.0.3
  ProxyCommand ssh -q -W %h:%p iserv-max@meine-schule.de
Host netcat
  ProxyCommand sshpass -p geheim1 ssh portal nc %h %p
Host b2
  HostName 10.0.0.4
  ProxyJump portal.meine-schule.de
Match host *.example exec "sshpass -p geheim2 true"
  User matched
Host *.meine-schule.de !backup.meine-schule.de
  Port 2022
Host *
  User iserv-max.muster
  IdentityFile %d/.ssh/id_ed25519
  IdentityFile "~/.ssh/mein schlüssel"
  ServerAliveInterval 240
  SendEnv EMAIL LANG
  SetEnv TOKEN=geheim3
  ControlMaster auto
  ControlPersist 28800
`;

const vendorCarried = [
  { setting: 'ServerAliveInterval', value: '240', reason: 'appSetting' },
  { setting: 'SetEnv', value: 'TOKEN', reason: 'unsupported' },
  { setting: 'ControlPersist', value: '28800', reason: 'appSetting' },
  { setting: 'SendEnv', value: 'EMAIL', reason: 'alwaysSent' },
  { setting: 'SendEnv', value: 'LANG', reason: 'unsupported' },
];

function byName(profiles: ImportedProfile[]): Record<string, ImportedProfile> {
  return Object.fromEntries(profiles.map((profile) => [profile.name, profile]));
}

describe('importing an ssh config', () => {
  it('makes one profile per concrete alias, evaluated as OpenSSH does (first value wins, Host * fills gaps)', async () => {
    const t = tempHome();
    const config = t.write('.ssh/config', VENDOR_CONFIG);
    const findings = await importSshConfig(config, { home: t.home });
    const profiles = byName(findings.profiles);
    expect(Object.keys(profiles)).toEqual([
      'schule-a',
      'backup-a',
      'portal-a',
      'lan',
      'direkt',
      'kommando',
      'netcat',
      'b2',
    ]);
    expect(profiles['schule-a']).toEqual({
      origin: { source: config, line: 2, name: 'schule-a' },
      kind: 'portal',
      name: 'schule-a',
      host: 'meine-schule.de',
      port: 22,
      portalHost: '',
      portalPort: 22,
      user: 'iserv-max.muster',
      keyPath: '~/.ssh/id_ed25519',
      agentForwarding: false,
      notCarried: vendorCarried,
    });
    expect(profiles['backup-a']).toMatchObject({
      kind: 'backup',
      host: 'backup.meine-schule.de',
      port: 22,
      portalHost: 'portal-a.meine-schule.de',
      portalPort: 2222,
    });
    expect(profiles['portal-a']).toMatchObject({
      kind: 'portal',
      host: 'portal-a.meine-schule.de',
      port: 2222,
    });
    expect(profiles.lan).toMatchObject({
      host: '10.255.0.1',
      port: 2200,
      user: 'iserv-erika.muster',
      agentForwarding: true,
    });
    expect(profiles.direkt).toMatchObject({ kind: 'portal', host: 'direkt.de', portalHost: '' });
    // `ssh -W %h:%p host` is a jump host written the old way; its own user is not the profile's.
    expect(profiles.kommando).toMatchObject({
      kind: 'backup',
      host: '10.0.0.3',
      portalHost: 'meine-schule.de',
    });
    expect(profiles.kommando!.notCarried).toContainEqual({
      setting: 'ProxyJump',
      value: 'iserv-max@meine-schule.de',
      reason: 'unsupported',
    });
    expect(profiles.netcat).toMatchObject({ kind: 'portal', host: 'netcat' });
    expect(profiles.netcat!.notCarried[0]).toEqual({
      setting: 'ProxyCommand',
      value: 'sshpass',
      reason: 'unsupported',
    });
    // The jump host's own config counts: portal.meine-schule.de gets the wildcard block's port.
    expect(profiles.b2).toMatchObject({
      kind: 'backup',
      portalHost: 'portal.meine-schule.de',
      portalPort: 2022,
    });

    expect(findings.keyFiles).toEqual([
      { path: join(t.home, '.ssh/id_ed25519'), usedBy: Object.keys(profiles) },
      { path: join(t.home, '.ssh/mein schlüssel'), usedBy: Object.keys(profiles) },
    ]);
  });

  it('reports two hops, Match and wildcard blocks by line, and never a secret from the file', async () => {
    const t = tempHome();
    const config = t.write('.ssh/config', VENDOR_CONFIG);
    const findings = await importSshConfig(config, { home: t.home });
    expect(findings.problems).toEqual([
      { source: config, line: 17, code: 'sshConfig.multiHop', params: { host: 'zwei', jump: 'a.de,b.de' } },
      { source: config, line: 29, code: 'sshConfig.matchBlock', params: { criteria: 'host *.example exec' } },
      {
        source: config,
        line: 31,
        code: 'sshConfig.wildcardBlock',
        params: { patterns: '*.meine-schule.de !backup.meine-schule.de', settings: 'Port' },
      },
      {
        source: config,
        line: 33,
        code: 'sshConfig.wildcardBlock',
        params: {
          patterns: '*',
          settings: 'User, IdentityFile, ServerAliveInterval, SendEnv, SetEnv, ControlMaster, ControlPersist',
        },
      },
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/geheim/);
  });

  it('agrees with `ssh -G` on host, user, port and the jump host, includes inside Host blocks too', async () => {
    const t = tempHome();
    // Absolute includes only: ssh resolves relative ones in the real ~/.ssh, which this test never touches.
    const nord = t.write('conf/nord.conf', 'User nord-user\nHost *\n  Port 2201\n');
    // Its Host line ends with the file: the block that includes it goes on after the Include.
    const west = t.write('conf/west.conf', 'Host niemand\n  User niemand-user\n');
    const config = t.write(
      '.ssh/config',
      `Host nord\n  Include ${nord}\nHost sued\n  User sued-user\n  ProxyJump nord\n` +
        `Host west\n  Include ${west}\n  HostName west.schule.de\n${VENDOR_CONFIG}`,
    );
    const findings = await importSshConfig(config, { home: t.home });
    const profiles = byName(findings.profiles);
    expect(profiles.nord).toMatchObject({ user: 'nord-user', port: 2201 });
    expect(profiles.sued).toMatchObject({
      user: 'sued-user',
      port: 22,
      portalHost: 'nord',
      portalPort: 2201,
    });
    expect(findings.profiles.length).toBeGreaterThan(8);
    for (const profile of findings.profiles) {
      const ssh = await sshEffectiveConfig(config, profile.name);
      expect([profile.name, profile.host, profile.port, profile.user]).toEqual([
        profile.name,
        ssh.get('hostname')?.[0],
        Number(ssh.get('port')?.[0]),
        ssh.get('user')?.[0],
      ]);
      const jump = ssh.get('proxyjump')?.[0];
      if (profile.kind === 'portal') {
        expect([profile.name, jump]).toEqual([profile.name, undefined]);
        continue;
      }
      // What ssh would do for the jump: the jump host's own effective settings.
      const target = jump ?? ssh.get('proxycommand')?.[0]?.split(' ').at(-1) ?? '';
      const portal = await sshEffectiveConfig(config, target.replace(/^.*@/, ''));
      expect([profile.name, profile.portalHost, profile.portalPort]).toEqual([
        profile.name,
        portal.get('hostname')?.[0],
        Number(portal.get('port')?.[0]),
      ]);
    }
  });

  it('reads `%d`, `~`, `%h` and `%r` in IdentityFile for the key file, keeps the profile path with ~', async () => {
    const t = tempHome();
    const config = t.write(
      '.ssh/config',
      'Host a\n  HostName a.schule.de\n  User iserv-max\n  IdentityFile %d/keys/%r@%h\n  IdentityFile ~/.ssh/%u_%%\n',
    );
    const findings = await importSshConfig(config, { home: t.home });
    expect(findings.profiles[0]?.keyPath).toBe('~/keys/iserv-max@a.schule.de');
    expect(findings.keyFiles.map((file) => file.path)).toEqual([
      join(t.home, 'keys/iserv-max@a.schule.de'),
      // %u (the local user) is not known here: left as written rather than guessed.
      join(t.home, '.ssh/%u_%'),
    ]);
  });

  it('reports an unusable Host pattern, a bad port, an unreadable jump and settings before the first Host', async () => {
    const t = tempHome();
    const config = t.write(
      '.ssh/config',
      'ServerAliveInterval 60\nHost a,b\n  User x\nHost c\n  Port 99999\n  Port 2200\nHost d\n  ProxyJump user@\n',
    );
    const findings = await importSshConfig(config, { home: t.home });
    expect(findings.problems).toEqual([
      {
        source: config,
        line: 1,
        code: 'sshConfig.wildcardBlock',
        params: { patterns: '*', settings: 'ServerAliveInterval' },
      },
      { source: config, line: 2, code: 'sshConfig.badLine', params: { keyword: 'Host', pattern: 'a,b' } },
      { source: config, line: 5, code: 'sshConfig.badLine', params: { keyword: 'Port' } },
      { source: config, line: 8, code: 'sshConfig.jumpUnreadable', params: { host: 'd', jump: 'user@' } },
    ]);
    expect(findings.profiles.map((profile) => [profile.name, profile.port])).toEqual([['c', 2200]]);
  });

  it('never repeats a word that is not a keyword: a stray password on a line of its own stays in the file', async () => {
    const t = tempHome();
    const config = t.write(
      '.ssh/config',
      'Host a\nHost *\n  user x\n  Hunter2geheim\n  Sommerferien2024 "x\n  Geheimwort y\n',
    );
    const findings = await importSshConfig(config, { home: t.home });
    expect(findings.problems).toEqual([
      {
        source: config,
        line: 2,
        code: 'sshConfig.wildcardBlock',
        params: { patterns: '*', settings: 'User' },
      },
      { source: config, line: 4, code: 'sshConfig.badLine', params: { keyword: '' } },
      { source: config, line: 5, code: 'sshConfig.badLine', params: { keyword: '' } },
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/Hunter|Sommer|Geheim/);
  });

  it('gives the file problem for a missing config and nothing else', async () => {
    const t = tempHome();
    const findings = await importSshConfig('~/.ssh/config-fehlt', { home: t.home });
    expect(findings.profiles).toEqual([]);
    expect(findings.problems).toEqual([
      {
        source: join(t.home, '.ssh/config-fehlt'),
        line: null,
        code: 'import.fileUnreadable',
        params: { reason: 'ENOENT' },
      },
    ]);
  });
});
