import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildPreview,
  type HostKeyComparison,
  type PreviewContext,
} from '../../../../src/main/services/moving-in/import-preview';
import type { ImportedHostKey, ImportedProfile } from '../../../../src/shared/model/moving-in';
import { emptyFindings } from '../../../../src/shared/model/moving-in';
import type { Profile } from '../../../../src/shared/model/profile';

const home = mkdtempSync(join(tmpdir(), 'fw-preview-'));
const keyFile = join(home, 'id_ed25519');
writeFileSync(keyFile, 'not read here');
afterAll(() => rmSync(home, { recursive: true, force: true }));

function imported(overrides: Partial<ImportedProfile> = {}): ImportedProfile {
  return {
    origin: { source: '/x.reg', line: 3, name: overrides.name ?? 'Schule' },
    kind: 'portal',
    name: 'Schule',
    host: 'schule.de',
    port: 22,
    portalHost: '',
    portalPort: 22,
    user: 'iserv-max.muster',
    keyPath: '',
    agentForwarding: false,
    notCarried: [],
    ...overrides,
  };
}

function stored(overrides: Partial<Profile>): Profile {
  return {
    id: 'stored-1',
    kind: 'portal',
    name: 'Gespeichert',
    host: 'schule.de',
    port: 22,
    portalHost: '',
    portalPort: 22,
    user: 'iserv-max.muster',
    keyPath: '',
    favourite: true,
    lastUsedAt: 1,
    agentForwarding: false,
    autoReconnect: false,
    ...overrides,
  };
}

function context(overrides: Partial<PreviewContext> = {}): PreviewContext {
  return {
    previewId: 'preview',
    sources: ['/x.reg'],
    existingProfiles: [],
    compareHostKeys: (keys): HostKeyComparison[] =>
      keys.map(() => ({ status: 'new', existingFingerprint: null })),
    loadedKeyPaths: new Set(),
    home,
    ...overrides,
  };
}

const hostKey = (host: string): ImportedHostKey => ({
  origin: { source: '/x.reg', line: 9 },
  host,
  port: 22,
  hashedHost: null,
  keyType: 'ssh-ed25519',
  keyBase64: 'AAAA',
  fingerprint: 'SHA256:abc',
});

describe('import preview', () => {
  it('marks new, duplicate (same connection, any name) and conflict (same name, other connection)', () => {
    const findings = {
      ...emptyFindings(),
      profiles: [
        imported({ name: 'Neu', host: 'neu.de' }),
        imported({ name: 'Anders benannt' }),
        imported({ name: 'gespeichert', host: 'andere.de' }),
      ],
    };
    const { preview, items } = buildPreview(
      findings,
      context({ existingProfiles: [stored({ host: 'schule.de' })] }),
    );
    expect(preview.profiles.map((p) => [p.profile.name, p.status, p.existingName])).toEqual([
      ['Neu', 'new', null],
      ['Anders benannt', 'duplicate', 'Gespeichert'],
      ['gespeichert', 'conflict', 'Gespeichert'],
    ]);
    expect(items.profiles.get(preview.profiles[2]!.id)?.replaces?.id).toBe('stored-1');
  });

  it('refuses what the app cannot keep, naming source, line and field, and keeps the rest', () => {
    const findings = {
      ...emptyFindings(),
      profiles: [imported({ name: 'Kaputt', host: 'not a host!' }), imported({ name: 'Gut' })],
    };
    const { preview } = buildPreview(findings, context());
    expect(preview.profiles.map((p) => p.profile.name)).toEqual(['Gut']);
    expect(preview.problems).toEqual([
      { source: '/x.reg', line: 3, code: 'profile.invalid', params: { name: 'Kaputt', field: 'host' } },
    ]);
  });

  it('refuses a Backupserver whose portal cannot be known (an IP and no portal)', () => {
    const findings = { ...emptyFindings(), profiles: [imported({ kind: 'backup', host: '10.0.0.5' })] };
    const { preview } = buildPreview(findings, context());
    expect(preview.profiles).toEqual([]);
    expect(preview.problems[0]).toMatchObject({ code: 'profile.invalid', params: { field: 'portalHost' } });
  });

  it('refuses a jump to a name the Backupserver rule would complete (it would connect elsewhere), keeps backup.<domain> and IPs', () => {
    const findings = {
      ...emptyFindings(),
      profiles: [
        imported({ name: 'Intern', kind: 'backup', host: 'intern.schule.de', portalHost: 'schule.de' }),
        imported({ name: 'Backup', kind: 'backup', host: 'backup.schule.de', portalHost: 'schule.de' }),
        imported({ name: 'LAN', kind: 'backup', host: '10.0.0.5', portalHost: 'schule.de' }),
      ],
    };
    const { preview } = buildPreview(findings, context());
    expect(preview.profiles.map((p) => p.profile.name)).toEqual(['Backup', 'LAN']);
    expect(preview.problems).toEqual([
      {
        source: '/x.reg',
        line: 3,
        code: 'profile.jumpTargetRenamed',
        params: { name: 'Intern', host: 'intern.schule.de', backupHost: 'backup.intern.schule.de' },
      },
    ]);
  });

  it('keeps a key file that exists (~ expanded with the given home) and leaves out one that does not, saying so', () => {
    const findings = {
      ...emptyFindings(),
      profiles: [
        imported({ name: 'Mit Schlüssel', keyPath: '~/id_ed25519' }),
        imported({ name: 'Windows-Pfad', host: 'b.de', keyPath: 'C:\\Users\\max\\key.ppk' }),
      ],
      keyFiles: [
        { path: '~/id_ed25519', usedBy: ['Mit Schlüssel'] },
        { path: 'C:\\Users\\max\\key.ppk', usedBy: ['Windows-Pfad'] },
        { path: keyFile, usedBy: ['Noch eins'] },
      ],
    };
    const { preview } = buildPreview(findings, context());
    expect(preview.profiles[0]!.profile.keyPath).toBe(keyFile);
    expect(preview.profiles[1]!.profile.keyPath).toBe('');
    expect(preview.profiles[1]!.profile.notCarried).toContainEqual({
      setting: 'keyFile',
      value: 'C:\\Users\\max\\key.ppk',
      reason: 'fileMissing',
    });
    // The same file under two spellings is offered once, used by both.
    expect(preview.keyFiles.map((k) => [k.keyFile.path, k.status, k.keyFile.usedBy])).toEqual([
      [keyFile, 'new', ['Mit Schlüssel', 'Noch eins']],
      ['C:\\Users\\max\\key.ppk', 'missing', ['Windows-Pfad']],
    ]);
  });

  it('marks a key file the agent loads at start already', () => {
    const findings = { ...emptyFindings(), keyFiles: [{ path: keyFile, usedBy: [] }] };
    const { preview } = buildPreview(findings, context({ loadedKeyPaths: new Set([keyFile]) }));
    expect(preview.keyFiles[0]!.status).toBe('loaded');
  });

  it('gives two sessions of the same name distinct names', () => {
    const findings = {
      ...emptyFindings(),
      profiles: [imported({ name: 'A' }), imported({ name: 'a', host: 'x.de' })],
    };
    const { preview } = buildPreview(findings, context());
    expect(preview.profiles.map((p) => p.profile.name)).toEqual(['A', 'a (2)']);
  });

  it('offers a host key once however often the sources list it, with the stored comparison', () => {
    const findings = { ...emptyFindings(), hostKeys: [hostKey('a.de'), hostKey('a.de'), hostKey('b.de')] };
    const { preview } = buildPreview(
      findings,
      context({
        compareHostKeys: (keys) =>
          keys.map((key) =>
            key.host === 'b.de'
              ? { status: 'conflict', existingFingerprint: 'SHA256:old' }
              : { status: 'same', existingFingerprint: null },
          ),
      }),
    );
    expect(preview.hostKeys.map((h) => [h.hostKey.host, h.status, h.existingFingerprint])).toEqual([
      ['a.de', 'duplicate', null],
      ['b.de', 'conflict', 'SHA256:old'],
    ]);
  });
});
