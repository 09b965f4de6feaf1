// The profile list's order and search, with 5,000 generated profiles: the
// order is favourites, recent, name; the search finds every match; the list
// renders at most the cap and says how many more there are.
import { createElement, type ComponentProps } from 'react';
import { describe, expect, it } from 'vitest';
import { profileSchema, type Profile } from '../../../src/shared/model/profile';
import {
  PROFILE_RENDER_CAP,
  compareProfiles,
  indexProfiles,
  searchProfiles,
} from '../../../src/renderer/views/profiles/profile-search';
import { ProfileRows } from '../../../src/renderer/views/profiles/ProfileList';
import { render, textOf } from './render';

/** A saved profile as main would load it: the schema fills in the fields left out. */
function profile(overrides: Partial<Profile> & Pick<Profile, 'id' | 'name' | 'host'>): Profile {
  return profileSchema.parse({ kind: 'portal', port: 22, user: '', keyPath: '', ...overrides });
}

/** Schools 0..n-1: every 50th a favourite, every 7th used recently, every 3rd a Backupserver. */
function generate(count: number): Profile[] {
  return Array.from({ length: count }, (_, i) => {
    const domain = `schule-${String(i).padStart(4, '0')}.example.de`;
    const backup = i % 3 === 0;
    return profile({
      id: `p${i}`,
      name: `Schule ${i}`,
      kind: backup ? 'backup' : 'portal',
      host: backup ? `backup.${domain}` : domain,
      favourite: i % 50 === 0,
      lastUsedAt: i % 7 === 0 ? 1_700_000_000_000 + i * 1000 : null,
    });
  });
}

const noActions: ComponentProps<typeof ProfileRows>['actions'] = {
  onConnect() {},
  onEdit() {},
  onRemove() {},
  onFavourite() {},
};

describe('profile order', () => {
  it('puts favourites first, then the most recently used, then by name (numbers in order)', () => {
    const list = [
      profile({ id: 'a', name: 'Schule 10', host: 'a.de' }),
      profile({ id: 'b', name: 'Schule 9', host: 'b.de' }),
      profile({ id: 'c', name: 'alt', host: 'c.de', lastUsedAt: 100 }),
      profile({ id: 'd', name: 'neu', host: 'd.de', lastUsedAt: 200 }),
      profile({ id: 'e', name: 'zuletzt', host: 'e.de', favourite: true }),
      profile({ id: 'f', name: 'Ärzteschule', host: 'f.de' }),
    ];
    expect([...list].sort(compareProfiles).map((p) => p.id)).toEqual(['e', 'd', 'c', 'f', 'b', 'a']);
  });

  it('orders 5,000 profiles the same way', () => {
    const index = indexProfiles(generate(5000));
    expect(index).toHaveLength(5000);
    const favourites = index.filter((e) => e.profile.favourite).length;
    expect(favourites).toBe(100);
    expect(index.slice(0, favourites).every((e) => e.profile.favourite)).toBe(true);
    const rest = index.slice(favourites).map((e) => e.profile);
    const recent = rest.filter((p) => p.lastUsedAt !== null);
    expect(rest.slice(0, recent.length)).toEqual(recent);
    for (let i = 1; i < recent.length; i++)
      expect(recent[i - 1]!.lastUsedAt!).toBeGreaterThan(recent[i]!.lastUsedAt!);
  });
});

describe('profile search', () => {
  const all = generate(5000);
  const index = indexProfiles(all);

  it('finds exactly the profiles whose name or host contains every word, in list order', () => {
    const result = searchProfiles(index, 'schule-012');
    const expected = index.filter((e) => e.profile.host.includes('schule-012')).map((e) => e.profile);
    expect(result.total).toBe(10);
    expect(result.shown).toEqual(expected);

    expect(searchProfiles(index, 'SCHULE 4999').shown.map((p) => p.id)).toEqual(['p4999']);
    expect(searchProfiles(index, '  backup   schule-0003 ').shown.map((p) => p.id)).toEqual(['p3']);
    expect(searchProfiles(index, 'backup schule-0004').total).toBe(0);
    expect(searchProfiles(index, 'nirgendwo').total).toBe(0);
  });

  it('matches a Backupserver by its portal too', () => {
    const withPortal = indexProfiles([
      profile({ id: 'x', name: 'X', host: '10.0.0.2', kind: 'backup', portalHost: 'portal.stadt.de' }),
    ]);
    expect(searchProfiles(withPortal, 'stadt').total).toBe(1);
  });

  it('caps what is shown and counts the rest', () => {
    const everything = searchProfiles(index, '');
    expect(everything.total).toBe(5000);
    expect(everything.shown).toHaveLength(PROFILE_RENDER_CAP);
    expect(everything.shown).toEqual(index.slice(0, PROFILE_RENDER_CAP).map((e) => e.profile));
    const backups = searchProfiles(index, 'backup.');
    expect(backups.total).toBe(1667);
    expect(backups.shown).toHaveLength(PROFILE_RENDER_CAP);
  });

  it('renders at most the cap as rows, with a line for the rest', async () => {
    const { shown, total } = searchProfiles(index, '');
    const html = await render(
      createElement(ProfileRows, { shown, total, defaultUser: 'iserv-max.mustermann', actions: noActions }),
    );
    expect(html.match(/<li /g)).toHaveLength(PROFILE_RENDER_CAP);
    expect(textOf(html)).toContain(`${5000 - PROFILE_RENDER_CAP} weitere – Suche verfeinern`);

    const few = searchProfiles(index, 'schule-000');
    const fewHtml = await render(
      createElement(ProfileRows, { ...few, defaultUser: 'u', actions: noActions }),
      'en',
    );
    expect(fewHtml.match(/<li /g)).toHaveLength(10);
    expect(textOf(fewHtml)).not.toContain('more');
  });

  it('names each row and its favourite toggle, and shows kind, user, host and portal', async () => {
    const rows = [
      profile({
        id: 'a',
        name: 'Testschule',
        host: 'backup.meine-schule.de',
        kind: 'backup',
        favourite: true,
      }),
      profile({ id: 'b', name: 'Portal', host: 'meine-schule.de', port: 2222, user: 'fw-anna.alt' }),
    ];
    const html = await render(
      createElement(ProfileRows, {
        shown: rows,
        total: 2,
        defaultUser: 'iserv-max.mustermann',
        actions: noActions,
      }),
    );
    expect(html).toContain('aria-label="Testschule"');
    expect(html).toContain('aria-label="Favorit: Testschule"');
    expect(html).toMatch(/aria-pressed="true"[^>]*aria-label="Favorit: Testschule"/);
    const text = textOf(html);
    expect(text).toContain(
      'Backupserver · iserv-max.mustermann@backup.meine-schule.de · über meine-schule.de',
    );
    expect(text).toContain('Portalserver · fw-anna.alt@meine-schule.de:2222');
    expect(
      await render(createElement(ProfileRows, { shown: [], total: 0, defaultUser: '', actions: noActions })),
    ).toContain('Kein Profil passt zur Suche.');
  });
});
