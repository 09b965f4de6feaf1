import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileSchema, type Profile } from '../../../../src/shared/model/profile';
import {
  exportSshConfig,
  type SshConfigExportOptions,
} from '../../../../src/main/moving-in/export/ssh-config-export';
import { importSshConfig } from '../../../../src/main/moving-in/openssh/config-import';
import { sshEffectiveConfig } from '../openssh/openssh-tools';
import { tempHome } from '../openssh/temp-home';

let ids = 0;
const profile = (fields: Partial<Profile> & Pick<Profile, 'kind' | 'name' | 'host'>): Profile =>
  profileSchema.parse({ id: `p${++ids}`, port: 22, user: '', keyPath: '', ...fields });

const PROFILES: Profile[] = [
  profile({ kind: 'portal', name: 'Schule Müllheim', host: 'meine-schule.de', keyPath: '~/.ssh/id_ed25519' }),
  // Derived portal: backup.<domain> through the domain.
  profile({ kind: 'backup', name: 'Backup Müllheim', host: 'meine-schule.de', agentForwarding: true }),
  profile({
    kind: 'backup',
    name: 'Backup LAN',
    host: '10.0.0.2',
    portalHost: '10.255.0.1',
    portalPort: 2222,
    user: 'iserv-erika.muster',
  }),
  profile({ kind: 'portal', name: 'Schule Müllheim', host: '1.2.3.4', port: 2200 }),
  profile({ kind: 'backup', name: 'Ohne Portal', host: '10.0.0.9' }),
  profile({
    kind: 'portal',
    name: 'meine-schule.de',
    host: 'meine-schule.de',
    keyPath: '/keys/Schlüssel 100%/id',
  }),
];

const OPTIONS: SshConfigExportOptions = {
  defaultUser: 'iserv-max.muster',
  agentSocket: '/run/user/1000/Fernwartung "agent"/50%.sock',
  keepAliveSeconds: 240,
  exportedAt: new Date('2025-03-01T09:30:00Z'),
};

/** What the export promises for each alias, as `ssh -G` names it. */
const EXPECTED: Record<string, Record<string, string | undefined>> = {
  'schule-muellheim': {
    hostname: 'meine-schule.de',
    port: '22',
    user: 'iserv-max.muster',
    proxyjump: undefined,
    identityfile: '~/.ssh/id_ed25519',
    forwardagent: 'no',
  },
  'backup-muellheim': {
    hostname: 'backup.meine-schule.de',
    port: '22',
    user: 'iserv-max.muster',
    proxyjump: 'meine-schule.de',
    forwardagent: 'yes',
  },
  'backup-lan': {
    hostname: '10.0.0.2',
    port: '22',
    user: 'iserv-erika.muster',
    // ssh prints the jump it parsed with the host in brackets when a port follows.
    proxyjump: 'iserv-erika.muster@[10.255.0.1]:2222',
  },
  'schule-muellheim-2': { hostname: '1.2.3.4', port: '2200', user: 'iserv-max.muster', proxyjump: undefined },
  'meine-schule.de-2': { hostname: 'meine-schule.de', port: '22', identityfile: '/keys/Schlüssel 100%%/id' },
  // The portal blocks: the jump logs in with the same user and agent.
  'meine-schule.de': { hostname: 'meine-schule.de', user: 'iserv-max.muster', proxyjump: undefined },
  '10.255.0.1': { hostname: '10.255.0.1', user: 'iserv-max.muster' },
};

describe('exporting profiles as an ssh config', () => {
  it('gives ssh (checked with `ssh -G`) the same hosts, users, ports, portals, keepalive, EMAIL and agent', async () => {
    const t = tempHome();
    const text = exportSshConfig(PROFILES, OPTIONS);
    const file = t.write('fernwartung.conf', text);
    expect(text).toMatch(/^# Fernwartung: .* exported 2025-03-01T09:30:00.000Z\./);
    // A Backupserver without a portal to derive has no route: said in a comment, no block.
    expect(text).toContain('# Ohne Portal\n# not exported');
    expect((await sshEffectiveConfig(file, 'ohne-portal')).get('hostname')).toEqual(['ohne-portal']);
    for (const [alias, expected] of Object.entries(EXPECTED)) {
      const ssh = await sshEffectiveConfig(file, alias);
      const seen = Object.fromEntries(Object.keys(expected).map((key) => [key, ssh.get(key)?.[0]]));
      expect([alias, seen]).toEqual([alias, expected]);
      expect([alias, ssh.get('serveraliveinterval'), ssh.get('sendenv'), ssh.get('identityagent')]).toEqual([
        alias,
        ['240'],
        ['EMAIL'],
        [OPTIONS.agentSocket],
      ]);
    }
  });

  it('writes a Windows pipe so ssh reads the same pipe, and leaves the agent to ssh without a socket', async () => {
    const t = tempHome();
    const pipe = '\\\\.\\pipe\\openssh-ssh-agent';
    const one = [PROFILES[0]!];
    const withPipe = t.write('pipe.conf', exportSshConfig(one, { ...OPTIONS, agentSocket: pipe }));
    expect((await sshEffectiveConfig(withPipe, 'schule-muellheim')).get('identityagent')).toEqual([pipe]);
    const without = exportSshConfig(one, { ...OPTIONS, agentSocket: null, defaultUser: '' });
    expect(without).not.toMatch(/IdentityAgent|User/);
  });

  it('reads back through the importer as the same hosts, users, ports and portals', async () => {
    const t = tempHome();
    const file = t.write('fernwartung.conf', exportSshConfig(PROFILES, OPTIONS));
    const findings = await importSshConfig(file, { home: t.home });
    expect(findings.problems).toEqual([]);
    const back = findings.profiles.map((p) => ({
      name: p.name,
      kind: p.kind,
      host: p.host,
      port: p.port,
      user: p.user,
      portal: p.portalHost ? `${p.portalHost}:${p.portalPort}` : '',
      keyPath: p.keyPath,
      agentForwarding: p.agentForwarding,
    }));
    const common = { user: 'iserv-max.muster', portal: '', keyPath: '', agentForwarding: false };
    expect(back).toEqual([
      {
        ...common,
        name: 'schule-muellheim',
        kind: 'portal',
        host: 'meine-schule.de',
        port: 22,
        keyPath: '~/.ssh/id_ed25519',
      },
      {
        ...common,
        name: 'backup-muellheim',
        kind: 'backup',
        host: 'backup.meine-schule.de',
        port: 22,
        portal: 'meine-schule.de:22',
        agentForwarding: true,
      },
      {
        ...common,
        name: 'backup-lan',
        kind: 'backup',
        host: '10.0.0.2',
        port: 22,
        user: 'iserv-erika.muster',
        portal: '10.255.0.1:2222',
      },
      { ...common, name: 'schule-muellheim-2', kind: 'portal', host: '1.2.3.4', port: 2200 },
      {
        ...common,
        name: 'meine-schule.de-2',
        kind: 'portal',
        host: 'meine-schule.de',
        port: 22,
        keyPath: '/keys/Schlüssel 100%/id',
      },
      { ...common, name: 'meine-schule.de', kind: 'portal', host: 'meine-schule.de', port: 22 },
      { ...common, name: '10.255.0.1', kind: 'portal', host: '10.255.0.1', port: 22 },
    ]);
    // The same user on both hops, as the app does: nothing about the jump is lost.
    expect(findings.profiles.flatMap((p) => p.notCarried.map((n) => n.setting))).not.toContain('ProxyJump');
    expect(findings.keyFiles.map((k) => k.path)).toEqual([
      join(t.home, '.ssh/id_ed25519'),
      '/keys/Schlüssel 100%/id',
    ]);
  });
});
