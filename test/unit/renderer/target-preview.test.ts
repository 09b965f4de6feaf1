// What the profile form and quick connect say they will connect to.
import { describe, expect, it } from 'vitest';
import { parsePortalField, portalFieldText } from '../../../src/shared/model/backup-target';
import { previewTarget } from '../../../src/renderer/views/profiles/target-preview';

describe('target preview', () => {
  it('completes a Backupserver and derives its portal', () => {
    expect(previewTarget('backup', 'backup.meine-schule.de', 22, '')).toEqual({
      ok: true,
      kind: 'backup',
      host: 'backup.meine-schule.de',
      portal: 'meine-schule.de:22',
    });
    expect(previewTarget('backup', 'Meine-Schule.de', 22, '')).toMatchObject({
      host: 'backup.meine-schule.de',
      portal: 'meine-schule.de:22',
    });
    expect(previewTarget('backup', 'schule.stadt.de', 2222, 'gw.stadt.de:2200')).toMatchObject({
      host: 'backup.schule.stadt.de:2222',
      portal: 'gw.stadt.de:2200',
    });
  });

  it('needs the portal for an IP address or a single name, and says which', () => {
    expect(previewTarget('backup', '10.0.0.2', 22, '')).toEqual({ ok: false, problem: 'portalRequired' });
    expect(previewTarget('backup', 'backupserver', 22, '')).toEqual({
      ok: false,
      problem: 'portalRequiredName',
    });
    expect(previewTarget('backup', '10.0.0.2', 22, 'meine-schule.de')).toMatchObject({
      ok: true,
      host: '10.0.0.2',
      portal: 'meine-schule.de:22',
    });
    expect(previewTarget('backup', '10.0.0.2', 22, 'meine-schule.de:x')).toEqual({
      ok: false,
      problem: 'portalInvalid',
    });
    expect(previewTarget('backup', 'nicht gültig', 22, '')).toEqual({ ok: false, problem: 'hostInvalid' });
  });

  it('connects a Portalserver directly', () => {
    expect(previewTarget('portal', 'meine-schule.de', 22, 'ignored')).toEqual({
      ok: true,
      kind: 'portal',
      host: 'meine-schule.de',
      portal: null,
    });
    expect(previewTarget('portal', '2001:db8::1', 2222, '')).toMatchObject({ host: '[2001:db8::1]:2222' });
    expect(previewTarget('portal', 'meine-schule.', 22, '')).toEqual({ ok: false, problem: 'hostInvalid' });
  });

  it('writes a stored portal back into the field, empty when derived', () => {
    expect(portalFieldText({ portalHost: '', portalPort: 22 })).toBe('');
    expect(portalFieldText({ portalHost: 'meine-schule.de', portalPort: 22 })).toBe('meine-schule.de');
    expect(portalFieldText({ portalHost: 'gw.stadt.de', portalPort: 2200 })).toBe('gw.stadt.de:2200');
    expect(portalFieldText({ portalHost: '2001:db8::1', portalPort: 22 })).toBe('[2001:db8::1]');
    expect(portalFieldText({ portalHost: '2001:db8::1', portalPort: 2200 })).toBe('[2001:db8::1]:2200');
    // What the field shows reads back as the stored portal.
    for (const stored of [
      { portalHost: 'gw.stadt.de', portalPort: 2200 },
      { portalHost: '2001:db8::1', portalPort: 22 },
      { portalHost: '2001:db8::1', portalPort: 2200 },
    ]) {
      expect(parsePortalField(portalFieldText(stored))).toEqual({
        host: stored.portalHost,
        port: stored.portalPort,
      });
    }
  });
});
