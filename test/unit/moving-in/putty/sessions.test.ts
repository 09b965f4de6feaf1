// PuTTY sessions to profiles, through the whole .reg importer: names,
// Portalserver and Backupserver (SSH proxy, plink -nc, old ProxyType), what
// is not carried, key files, and the sessions that are reported instead.
import { describe, expect, it } from 'vitest';
import type { ImportFindings, ImportedProfile } from '../../../../src/shared/model/moving-in';
import { importPuttyRegFile } from '../../../../src/main/moving-in/putty';
import {
  puttyRegFile,
  puttySession,
  type PuttySessionSpec,
  type RegValue,
} from '../../../fixtures/putty-reg';

function findings(...sessions: PuttySessionSpec[]): ImportFindings {
  return importPuttyRegFile(puttyRegFile({ sessions }), 'C:\\Users\\tech\\putty.reg');
}

function only(values: Record<string, RegValue>, name = 'Schule'): ImportedProfile {
  const result = findings(puttySession(name, { HostName: 'schule.de', ...values }));
  expect(result.problems).toEqual([]);
  expect(result.profiles).toHaveLength(1);
  return result.profiles[0]!;
}

describe('PuTTY sessions: Portalserver', () => {
  it('maps a plain SSH session, with its origin', () => {
    const result = findings(
      puttySession('Schule M\u00fcnchen', {
        HostName: 'schule-muenchen.de',
        PortNumber: 2222,
        UserName: 'admin-max.muster',
        PublicKeyFile: 'C:\\Users\\tech\\.ssh\\iserv.ppk',
        AgentFwd: 1,
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.profiles).toEqual([
      {
        origin: { source: 'C:\\Users\\tech\\putty.reg', line: expect.any(Number), name: 'Schule München' },
        kind: 'portal',
        name: 'Schule München',
        host: 'schule-muenchen.de',
        port: 2222,
        portalHost: '',
        portalPort: 22,
        user: 'admin-max.muster',
        keyPath: 'C:\\Users\\tech\\.ssh\\iserv.ppk',
        agentForwarding: true,
        notCarried: [],
      },
    ]);
    expect(result.keyFiles).toEqual([
      { path: 'C:\\Users\\tech\\.ssh\\iserv.ppk', usedBy: ['Schule München'] },
    ]);
  });

  it('names the line of the session’s key', () => {
    const bytes = puttyRegFile({ sessions: [puttySession('A', { HostName: 'a.de' })] });
    const text = Buffer.from(bytes).toString('utf16le');
    const line = text.split('\r\n').findIndex((l) => l.endsWith('\\Sessions\\A]')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(importPuttyRegFile(bytes, 'p.reg').profiles[0]!.origin.line).toBe(line);
  });

  it('unescapes names with spaces, umlauts and € (Windows-1252)', () => {
    const result = findings(
      puttySession('Schule M\u00fcnchen', { HostName: 'a.de' }),
      puttySession('Gymnasium Stra\u00dfe \u20ac', { HostName: 'b.de' }),
      puttySession('.versteckt 100%', { HostName: 'c.de' }),
    );
    expect(result.profiles.map((p) => p.name)).toEqual([
      'Schule München',
      'Gymnasium Straße €',
      '.versteckt 100%',
    ]);
  });

  it('reads the same from an ANSI (REGEDIT4) and a UTF-8 export', () => {
    const sessions = [
      puttySession('Schule M\u00fcnchen \u20ac', { HostName: 'a.de', UserName: 'J\u00f6rg' }),
    ];
    for (const encoding of ['ansi', 'utf-8', 'utf-8-bom'] as const) {
      const result = importPuttyRegFile(puttyRegFile({ sessions }, { encoding }), 'p.reg');
      expect(result.problems).toEqual([]);
      expect(result.profiles.map((p) => [p.name, p.user])).toEqual([['Schule München €', 'Jörg']]);
    }
  });

  it('splits user@host as PuTTY does: at the last @, overriding UserName', () => {
    expect(only({ HostName: 'admin@schule.de' })).toMatchObject({ host: 'schule.de', user: 'admin' });
    expect(only({ HostName: 'admin@schule.de', UserName: 'other' })).toMatchObject({
      host: 'schule.de',
      user: 'admin',
    });
    expect(only({ HostName: 'a@b@schule.de' })).toMatchObject({ host: 'schule.de', user: 'a@b' });
    expect(only({ HostName: 'schule.de', UserName: 'other' })).toMatchObject({
      host: 'schule.de',
      user: 'other',
    });
  });

  it('drops blanks and a :port suffix from HostName, but keeps IPv6 addresses', () => {
    expect(only({ HostName: ' \t schule.de \t ' }).host).toBe('schule.de');
    expect(only({ HostName: 'schule.de:2222', PortNumber: 22 })).toMatchObject({
      host: 'schule.de',
      port: 22,
    });
    expect(only({ HostName: 'fe80::1' }).host).toBe('fe80::1');
    expect(only({ HostName: '[2001:db8::1]' }).host).toBe('2001:db8::1');
  });

  it('takes port 22 and SSH when a hand-made session leaves them out', () => {
    const result = findings({ name: 'Minimal', values: { HostName: 'schule.de' } });
    expect(result.problems).toEqual([]);
    expect(result.profiles[0]).toMatchObject({
      kind: 'portal',
      host: 'schule.de',
      port: 22,
      user: '',
      keyPath: '',
    });
  });

  it('skips Default Settings', () => {
    const result = findings(
      puttySession('Default Settings', { HostName: 'default.de' }),
      puttySession('A', { HostName: 'a.de' }),
    );
    expect(result.profiles.map((p) => p.name)).toEqual(['A']);
    expect(result.problems).toEqual([]);
  });

  it('lists each key file once with every session that uses it', () => {
    const key = 'C:\\Keys\\technik.ppk';
    const result = findings(
      puttySession('A', { HostName: 'a.de', PublicKeyFile: key }),
      puttySession('B', { HostName: 'b.de', PublicKeyFile: '' }),
      puttySession('C', { HostName: 'c.de', PublicKeyFile: key }),
      puttySession('D', { HostName: 'd.de', PublicKeyFile: 'D:\\other.ppk' }),
    );
    expect(result.keyFiles).toEqual([
      { path: key, usedBy: ['A', 'C'] },
      { path: 'D:\\other.ppk', usedBy: ['D'] },
    ]);
    expect(result.profiles.map((p) => p.keyPath)).toEqual([key, '', key, 'D:\\other.ppk']);
  });
});

describe('PuTTY sessions: what is not carried', () => {
  it('reports a keepalive from PingInterval minutes plus PingIntervalSecs', () => {
    expect(only({ PingInterval: 0, PingIntervalSecs: 30 }).notCarried).toEqual([
      { setting: 'PingInterval', value: '30 s', reason: 'appSetting' },
    ]);
    expect(only({ PingInterval: 2, PingIntervalSecs: 5, HostName: 'a.de' }).notCarried).toEqual([
      { setting: 'PingInterval', value: '125 s', reason: 'appSetting' },
    ]);
    expect(only({ PingInterval: 0, PingIntervalSecs: 0, HostName: 'a.de' }).notCarried).toEqual([]);
  });

  it('reports EMAIL as always sent and other variables as unsupported, escapes undone', () => {
    const profile = only({
      HostName: 'a.de',
      Environment: 'EMAIL=max@schule.de,LANG=de_DE.UTF-8,X=a\\,b\\=c,FLAG',
    });
    expect(profile.notCarried).toEqual([
      { setting: 'Environment', value: 'EMAIL=max@schule.de', reason: 'alwaysSent' },
      { setting: 'Environment', value: 'LANG=de_DE.UTF-8', reason: 'unsupported' },
      { setting: 'Environment', value: 'X=a,b=c', reason: 'unsupported' },
      { setting: 'Environment', value: 'FLAG=', reason: 'unsupported' },
    ]);
  });
});

describe('PuTTY sessions: Backupserver behind a jump host', () => {
  it('reads an SSH proxy (ProxyMethod 6) as a Backupserver behind the portal', () => {
    const profile = only({
      HostName: 'backup.schule.de',
      UserName: 'admin',
      ProxyMethod: 6,
      ProxyHost: 'schule.de',
      ProxyPort: 2222,
    });
    expect(profile).toMatchObject({
      kind: 'backup',
      host: 'backup.schule.de',
      port: 22,
      portalHost: 'schule.de',
      portalPort: 2222,
      user: 'admin',
      notCarried: [],
    });
  });

  it('takes port 22 when the SSH proxy has no port', () => {
    expect(
      only({ HostName: '10.0.0.2', ProxyMethod: 6, ProxyHost: 'schule.de', ProxyPort: 0 }),
    ).toMatchObject({
      portalHost: 'schule.de',
      portalPort: 22,
    });
  });

  it('reports a different user on the jump host, since a profile has one user', () => {
    const profile = only({
      HostName: 'backup.schule.de',
      UserName: 'admin',
      ProxyMethod: 6,
      ProxyHost: 'portal@schule.de',
    });
    expect(profile.portalHost).toBe('schule.de');
    expect(profile.notCarried).toEqual([
      { setting: 'ProxyUsername', value: 'portal', reason: 'unsupported' },
    ]);
    expect(
      only({
        HostName: 'b.de',
        UserName: 'admin',
        ProxyMethod: 6,
        ProxyHost: 'schule.de',
        ProxyUsername: 'admin',
      }).notCarried,
    ).toEqual([]);
  });

  it('follows an SSH proxy that names a saved session, as PuTTY does', () => {
    const result = findings(
      puttySession('Portal Schule', { HostName: 'schule.de', PortNumber: 2200 }),
      puttySession('Backup Schule', {
        HostName: 'backup.schule.de',
        ProxyMethod: 6,
        ProxyHost: 'portal schule',
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.profiles[1]).toMatchObject({ kind: 'backup', portalHost: 'schule.de', portalPort: 2200 });
  });

  it('refuses a jump through a session that itself jumps', () => {
    const result = findings(
      puttySession('Hop', { HostName: 'hop.de', ProxyMethod: 6, ProxyHost: 'far.de' }),
      puttySession('Target', { HostName: 'target.de', ProxyMethod: 6, ProxyHost: 'Hop' }),
    );
    expect(result.profiles.map((p) => p.name)).toEqual(['Hop']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'putty.proxyUnsupported',
        params: { session: 'Target', method: 'multiHop' },
      }),
    ]);
  });

  it('reads plink -nc as a local proxy command (ProxyMethod 5) as the portal', () => {
    const profile = only({
      HostName: 'backup.schule.de',
      UserName: 'admin',
      ProxyMethod: 5,
      ProxyTelnetCommand:
        '"C:\\Program Files\\PuTTY\\plink.exe" -batch -agent -P 2222 -l admin schule.de -nc %host:%port',
    });
    expect(profile).toMatchObject({
      kind: 'backup',
      portalHost: 'schule.de',
      portalPort: 2222,
      notCarried: [],
    });
  });

  it('fills in %proxyhost and %proxyport in a plink command', () => {
    const profile = only({
      HostName: 'backup.schule.de',
      ProxyMethod: 5,
      ProxyHost: 'schule.de',
      ProxyPort: 22,
      ProxyTelnetCommand: 'plink %proxyhost -P %proxyport -nc %host:%port',
    });
    expect(profile).toMatchObject({ kind: 'backup', portalHost: 'schule.de', portalPort: 22 });
  });

  it('reads an old session’s ProxyType 4 (local command) the same way', () => {
    const values: Record<string, RegValue> = {
      HostName: 'backup.schule.de',
      ProxyType: 4,
      ProxyTelnetCommand: 'plink.exe schule.de -nc %host:%port',
    };
    const result = findings({ name: 'Alt', values });
    expect(result.problems).toEqual([]);
    expect(result.profiles[0]).toMatchObject({ kind: 'backup', portalHost: 'schule.de', portalPort: 22 });
  });

  it('follows plink -load to a saved session', () => {
    const result = findings(
      puttySession('portal', { HostName: 'schule.de', PortNumber: 2022 }),
      puttySession('backup', {
        HostName: '10.0.0.2',
        ProxyMethod: 5,
        ProxyTelnetCommand: 'plink -load portal -nc %host:%port',
      }),
    );
    expect(result.profiles[1]).toMatchObject({ kind: 'backup', portalHost: 'schule.de', portalPort: 2022 });
  });
});

describe('PuTTY sessions: reported, not offered', () => {
  it('reports sessions that are not SSH', () => {
    const result = findings(
      puttySession('Switch', { HostName: 'switch.local', Protocol: 'telnet', PortNumber: 23 }),
      puttySession('Konsole', { Protocol: 'serial' }),
      puttySession('Roh', { HostName: 'x.de', Protocol: 'raw' }),
      puttySession('SSH', { HostName: 'schule.de' }),
    );
    expect(result.profiles.map((p) => p.name)).toEqual(['SSH']);
    expect(result.problems.map((p) => [p.code, p.params])).toEqual([
      ['putty.notSsh', { session: 'Switch', protocol: 'telnet' }],
      ['putty.notSsh', { session: 'Konsole', protocol: 'serial' }],
      ['putty.notSsh', { session: 'Roh', protocol: 'raw' }],
    ]);
    expect(
      result.problems.every((p) => p.source === 'C:\\Users\\tech\\putty.reg' && typeof p.line === 'number'),
    ).toBe(true);
  });

  it('reports a session without a host', () => {
    const result = findings(
      puttySession('Leer', { HostName: '' }),
      puttySession('Nur User', { HostName: 'admin@' }),
    );
    expect(result.profiles).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.params])).toEqual([
      ['putty.noHost', { session: 'Leer' }],
      ['putty.noHost', { session: 'Nur User' }],
    ]);
  });

  it('reports SOCKS, HTTP, Telnet and SSH exec proxies, and old ProxyType SOCKS', () => {
    const proxied = (name: string, values: Record<string, RegValue>) =>
      puttySession(name, { HostName: 'schule.de', ProxyHost: 'proxy.local', ProxyPort: 1080, ...values });
    const result = findings(
      proxied('SOCKS5', { ProxyMethod: 2 }),
      proxied('SOCKS4', { ProxyMethod: 1 }),
      proxied('HTTP', { ProxyMethod: 3 }),
      proxied('Telnet', { ProxyMethod: 4 }),
      proxied('Exec', { ProxyMethod: 7 }),
      proxied('Neu', { ProxyMethod: 42 }),
      { name: 'Alt SOCKS', values: { HostName: 'schule.de', ProxyType: 2, ProxySOCKSVersion: 4 } },
      { name: 'Alt HTTP', values: { HostName: 'schule.de', ProxyType: 1 } },
    );
    expect(result.profiles).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.params.session, p.params.method])).toEqual([
      ['putty.proxyUnsupported', 'SOCKS5', 'socks5'],
      ['putty.proxyUnsupported', 'SOCKS4', 'socks4'],
      ['putty.proxyUnsupported', 'HTTP', 'http'],
      ['putty.proxyUnsupported', 'Telnet', 'telnet'],
      ['putty.proxyUnsupported', 'Exec', 'sshExec'],
      ['putty.proxyUnsupported', 'Neu', 'unknown42'],
      ['putty.proxyUnsupported', 'Alt SOCKS', 'socks4'],
      ['putty.proxyUnsupported', 'Alt HTTP', 'http'],
    ]);
  });

  it('reports a local proxy command that is not plink -nc', () => {
    const result = findings(
      puttySession('ncat', {
        HostName: 'a.de',
        ProxyMethod: 5,
        ProxyTelnetCommand: 'ncat --proxy x %host %port',
      }),
      puttySession('fest', {
        HostName: 'a.de',
        ProxyMethod: 5,
        ProxyTelnetCommand: 'plink x.de -nc 10.0.0.1:22',
      }),
    );
    expect(result.profiles).toEqual([]);
    expect(result.problems.map((p) => p.params)).toEqual([
      { session: 'ncat', method: 'command' },
      { session: 'fest', method: 'command' },
    ]);
  });

  it('ignores keys outside PuTTY’s sessions', () => {
    const text = [
      'Windows Registry Editor Version 5.00',
      '',
      '[HKEY_CURRENT_USER\\Software\\Other\\Sessions\\X]',
      '"HostName"="other.de"',
      '',
      '[HKEY_LOCAL_MACHINE\\Software\\SimonTatham\\PuTTY\\Sessions\\Y]',
      '"HostName"="machine.de"',
      '',
      '[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\Z\\Deeper]',
      '"HostName"="deeper.de"',
      '',
      '[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\Z]',
      '"HostName"="z.de"',
      '',
    ].join('\r\n');
    const result = importPuttyRegFile(Buffer.from(text), 'p.reg');
    expect(result.problems).toEqual([]);
    expect(result.profiles.map((p) => p.host)).toEqual(['z.de']);
  });
});
