import { describe, expect, it } from 'vitest';
import { parsePortalField, planBackupTarget } from '../../../src/shared/model/backup-target';

describe('the Backupserver rule', () => {
  it.each([
    ['backup.meine-schule.de', '', 'backup.meine-schule.de', 'meine-schule.de', 22, true],
    ['meine-schule.de', '', 'backup.meine-schule.de', 'meine-schule.de', 22, true],
    ['schule.stadt.de', '', 'backup.schule.stadt.de', 'schule.stadt.de', 22, true],
    [' Backup.Meine-Schule.DE ', '  ', 'backup.meine-schule.de', 'meine-schule.de', 22, true],
    ['10.0.0.2', 'meine-schule.de:2222', '10.0.0.2', 'meine-schule.de', 2222, false],
    ['backup.x.de', '10.255.0.1', 'backup.x.de', '10.255.0.1', 22, false],
    [
      'meine-schule.de',
      'Portal.Meine-Schule.de',
      'backup.meine-schule.de',
      'portal.meine-schule.de',
      22,
      false,
    ],
    ['fd00::2', '[::1]:22', 'fd00::2', '::1', 22, false],
    ['10.0.0.2', '[2001:db8::1]:2200', '10.0.0.2', '2001:db8::1', 2200, false],
    ['localhost', 'meine-schule.de', 'localhost', 'meine-schule.de', 22, false],
  ])('%j via %j → %s through %s:%i', (host, portal, backupHost, portalHost, portalPort, portalDerived) => {
    expect(planBackupTarget(host, portal)).toEqual({
      ok: true,
      backupHost,
      portalHost,
      portalPort,
      portalDerived,
    });
  });

  it.each([
    ['', '', 'hostInvalid'],
    ['meine schule.de', '', 'hostInvalid'],
    ['-schule.de', '', 'hostInvalid'],
    ['300.1.1.1', 'meine-schule.de', 'hostInvalid'],
    // 247 characters are a valid name; with `backup.` it would pass DNS's 253.
    [`${'a'.repeat(61)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.de`, '', 'hostInvalid'],
    ['10.0.0.2', '', 'portalRequired'],
    ['fd00::2', ' ', 'portalRequired'],
    // Single labels are no school domain: `backup.localhost`, or `de` from `backup.de`, would be wrong.
    ['localhost', '', 'portalRequired'],
    ['backup.de', '', 'portalRequired'],
    ['backup', '', 'portalRequired'],
    // A mistyped IP address is no domain either.
    ['10.0.0', '', 'portalRequired'],
    ['10.0.0.2', 'a:b:c', 'portalInvalid'],
    ['10.0.0.2', ':22', 'portalInvalid'],
    ['10.0.0.2', 'meine-schule.de:0', 'portalInvalid'],
    ['10.0.0.2', 'meine-schule.de:70000', 'portalInvalid'],
    ['10.0.0.2', 'meine-schule.de:', 'portalInvalid'],
    ['10.0.0.2', 'meine-schule.de:22x', 'portalInvalid'],
    ['10.0.0.2', 'max@meine-schule.de', 'portalInvalid'],
    ['10.0.0.2', '2001:db8::1', 'portalInvalid'],
    ['10.0.0.2', '[2001:db8::1]:', 'portalInvalid'],
  ])('%j via %j → %s', (host, portal, problem) => {
    expect(planBackupTarget(host, portal)).toEqual({ ok: false, problem });
  });
});

describe('the field "Portalserver (Proxy)"', () => {
  it.each([
    ['meine-schule.de', { host: 'meine-schule.de', port: 22 }],
    [' Meine-Schule.DE:2222 ', { host: 'meine-schule.de', port: 2222 }],
    ['10.255.0.1:65535', { host: '10.255.0.1', port: 65535 }],
    ['[::1]:22', { host: '::1', port: 22 }],
    ['[FE80::1]', { host: 'fe80::1', port: 22 }],
    ['', null],
    ['a:b:c', null],
    [':22', null],
    ['host:0', null],
    ['host:70000', null],
    ['[]:22', null],
    ['[::1]22', null],
  ])('%j → %j', (text, expected) => {
    expect(parsePortalField(text)).toEqual(expected);
  });
});
