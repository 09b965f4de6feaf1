// The import preview as static HTML: new items ticked, duplicates not
// tickable, conflicts unticked and, once ticked, saying they replace what is
// stored (a host key in the strongest style); every checkbox named by its
// label and described by its status; the details a technician checks.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { PreviewLists } from '../../../src/renderer/views/moving-in/PreviewLists';
import {
  initialSelection,
  toggle,
  type ImportSelection,
} from '../../../src/renderer/views/moving-in/selection';
import type { ImportPreview } from '../../../src/shared/contract/moving-in';
import { checkboxes, renderMovingIn, samplePreview, textById, textOf } from './moving-in-render';

const show = (preview: ImportPreview, selection: ImportSelection, language: 'de' | 'en' = 'de') =>
  renderMovingIn(
    createElement(PreviewLists, {
      preview,
      selection,
      defaultUser: 'iserv-max.mustermann',
      onToggle() {},
    }),
    language,
  );

/** The row (li) holding the checkbox named `name`. */
function row(html: string, name: string): string {
  const rows = html.split('<li class="import-item').slice(1);
  const found = rows.find((r) => checkboxes('<li class="import-item' + r).some((c) => c.name === name));
  expect(found, name).toBeDefined();
  return '<li class="import-item' + found!;
}

describe('import preview', () => {
  it('names every checkbox by its item and describes it by its status', async () => {
    const preview = samplePreview();
    const html = await show(preview, initialSelection(preview));
    const boxes = checkboxes(html);
    expect(boxes.map((c) => c.name)).toEqual([
      'Neue Schule',
      'meine',
      'Testschule',
      'neue-schule.de:22 ssh-ed25519',
      'meine-schule.de:2222 ssh-ed25519',
      'testschule.de:22 ssh-ed25519',
      'gehashter Eintrag, Zeile 7 ssh-ed25519',
      '/home/max/.ssh/id_ed25519',
      'C:\\Users\\max\\key.ppk',
      '/home/max/.ssh/id_rsa',
    ]);
    for (const box of boxes) {
      expect(box.describedBy.length, box.name).toBeGreaterThan(0);
      expect(textById(html, box.describedBy[0]!), box.name).not.toBe('');
    }
    // Sections with headings, items as lists.
    expect(html).toMatch(/<h3 id="import-profiles-title">Profile<\/h3>/);
    expect(html).toMatch(/<h3 id="import-host-keys-title">Hostschlüssel<\/h3>/);
    expect(html).toMatch(/<h3 id="import-key-files-title">Schlüsseldateien<\/h3>/);
    expect(html).toContain('<ul class="import-items" aria-labelledby="import-profiles-title">');
  });

  it('ticks new items, cannot tick duplicates, leaves conflicts unticked', async () => {
    const preview = samplePreview();
    const html = await show(preview, initialSelection(preview));
    const box = (name: string) => checkboxes(html).find((c) => c.name === name)!;

    expect(box('Neue Schule')).toMatchObject({ checked: true, disabled: false });
    expect(textById(html, box('Neue Schule').describedBy[0]!)).toBe('Neu');

    expect(box('meine')).toMatchObject({ checked: false, disabled: true });
    expect(textById(html, box('meine').describedBy[0]!)).toBe('Schon vorhanden als »Meine Schule«');
    expect(box('meine-schule.de:2222 ssh-ed25519')).toMatchObject({ checked: false, disabled: true });

    expect(box('Testschule')).toMatchObject({ checked: false, disabled: false });
    const conflict = textById(html, box('Testschule').describedBy[0]!);
    expect(conflict).toContain('Ein anderes Profil heißt schon »Testschule«');
    expect(conflict).not.toContain('Ersetzt');

    const hostKeyConflict = box('testschule.de:22 ssh-ed25519');
    expect(hostKeyConflict).toMatchObject({ checked: false, disabled: false });
    expect(textById(html, hostKeyConflict.describedBy[0]!)).toContain(
      'Ein geänderter Hostschlüssel kann ein Angriff sein',
    );
  });

  it('says a ticked conflict replaces what is stored, a host key in the danger style', async () => {
    const preview = samplePreview();
    let selection = toggle(initialSelection(preview), 'profiles', 'p3', true);
    selection = toggle(selection, 'hostKeys', 'h3', true);
    const html = await show(preview, selection);
    const box = (name: string) => checkboxes(html).find((c) => c.name === name)!;

    expect(box('Testschule').checked).toBe(true);
    expect(textById(html, box('Testschule').describedBy[0]!)).toBe(
      'Ersetzt das gespeicherte Profil »Testschule«',
    );
    expect(row(html, 'Testschule')).toMatch(/^<li class="import-item tone-warning"/);

    const key = box('testschule.de:22 ssh-ed25519');
    expect(key.checked).toBe(true);
    expect(textById(html, key.describedBy[0]!)).toContain('Ersetzt den gespeicherten Schlüssel SHA256:alt');
    expect(row(html, 'testschule.de:22 ssh-ed25519')).toMatch(/^<li class="import-item tone-danger"/);
    // The status is announced when the tick changes it.
    expect(row(html, 'Testschule')).toContain('aria-live="polite"');

    const en = await show(preview, selection, 'en');
    expect(textOf(en)).toContain('Replaces the stored profile “Testschule”');
    expect(textOf(en)).toContain('Replaces the stored key SHA256:alt');
  });

  it('keeps a ticked duplicate unticked and disabled', async () => {
    const preview = samplePreview();
    const html = await show(preview, toggle(initialSelection(preview), 'profiles', 'p2', true));
    expect(checkboxes(html).find((c) => c.name === 'meine')).toMatchObject({
      checked: false,
      disabled: true,
    });
  });

  it('shows kind, portal, user@host:port, where it was read and what does not carry over', async () => {
    const preview = samplePreview();
    const html = await show(preview, initialSelection(preview));
    const fresh = textOf(row(html, 'Neue Schule'));
    expect(fresh).toContain('Portalserver · iserv-max.mustermann@neue-schule.de:22');
    expect(fresh).toContain('Aus config, Zeile 4');
    expect(fresh).toContain(
      'Nicht übernommen: ServerAliveInterval 30: gilt in der App für alle Verbindungen (Einstellungen)',
    );
    const backup = textOf(row(html, 'Testschule'));
    expect(backup).toContain(
      'Backupserver über testschule.de:22 · iserv-max.mustermann@backup.testschule.de:22',
    );
  });

  it('shows host key fingerprints and key files that cannot be loaded, with why', async () => {
    const preview = samplePreview();
    const html = await show(preview, initialSelection(preview));
    expect(textOf(row(html, 'neue-schule.de:22 ssh-ed25519'))).toContain('Fingerabdruck: SHA256:neu');
    const box = (name: string) => checkboxes(html).find((c) => c.name === name)!;
    expect(box('/home/max/.ssh/id_ed25519')).toMatchObject({ checked: true, disabled: false });
    expect(textOf(row(html, '/home/max/.ssh/id_ed25519'))).toContain('Verwendet von: Neue Schule');
    expect(box('C:\\Users\\max\\key.ppk')).toMatchObject({ checked: false, disabled: true });
    expect(textById(html, box('C:\\Users\\max\\key.ppk').describedBy[0]!)).toBe(
      'Nicht auf diesem Computer gefunden: wird nicht geladen.',
    );
    expect(box('/home/max/.ssh/id_rsa')).toMatchObject({ checked: false, disabled: true });
    expect(textById(html, box('/home/max/.ssh/id_rsa').describedBy[0]!)).toBe(
      'Wird schon beim Start geladen.',
    );
  });
});
