// Every view, checked by axe-core (WCAG 2.1 A/AA rules) in both languages:
// the e2e tests find elements by accessible names; this checks the rest.
// With a live session, the English and dark walk: accessibility-session.spec.ts.
import { puttyHostKey, puttySession } from '../test/fixtures/putty-reg';
import { violations } from './fixtures/axe';
import { removeDir, startHost } from './fixtures/host';
import { makeKeyFile } from './fixtures/keys';
import { tempDir, writeRegFile } from './fixtures/moving-in';
import { expect, test } from './fixtures/test';
import { firstUse } from './fixtures/ui';

test('start, keys, agent, connections, settings and the profile editor have no WCAG A/AA violations', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await firstUse(page);
  await page.getByRole('button', { name: 'Neues Profil' }).click();
  await expect(page.getByLabel('Profilname')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // The Backupserver kind adds the portal field and the preview of the target.
  await page.getByRole('radio', { name: 'Backupserver', exact: true }).check();
  await page.getByLabel('Server', { exact: true }).fill('10.0.0.2');
  await expect(page.getByLabel('Portalserver (Proxy)', { exact: true })).toBeVisible();
  expect(await violations(page), 'Backupserver editor').toEqual([]);

  // No connection yet; the settings view is checked in the walk below.
  await page.getByRole('tab', { name: 'Verbindungen', exact: true }).click();
  expect(await violations(page), 'Verbindungen').toEqual([]);

  await page.getByRole('tab', { name: 'Schlüssel' }).click();
  await page.getByRole('button', { name: 'Neuen Schlüssel erstellen' }).click();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('tab', { name: 'Agent', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'SSH-Agent' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // English and the dark scheme: the walk in accessibility-session.spec.ts.
});

test('the import view (source, preview with new, conflicting and disabled rows, result) has no WCAG A/AA violations', async ({
  page,
}) => {
  const passphrase = 'Barrierefrei importieren 2024';
  const key = makeKeyFile(passphrase);
  const otherHostKey = makeKeyFile('', 'fw-test-host');
  const firstHostKey = makeKeyFile('', 'fw-test-host');
  const dir = tempDir('fw-e2e-reg-');
  const home = tempDir();
  const host = await startHost({ args: ['--home', home] });
  try {
    const school = (hostName: string, keyFile: string) =>
      puttySession('Schule Müller', {
        HostName: hostName,
        UserName: 'admin',
        PublicKeyFile: keyFile,
        PingInterval: 1,
      });
    const first = writeRegFile(dir, {
      sessions: [
        school('schule.example', key.file),
        puttySession('Fehlende Datei', { HostName: 'fehlt.example', PublicKeyFile: '/nicht/da/id_rsa' }),
        puttySession('Router', { HostName: '10.0.0.1', Protocol: 'telnet', PortNumber: 23 }),
      ],
      hostKeys: [puttyHostKey(firstHostKey.publicKey, 'schule.example')],
    });
    // The same name to another server, another key for the same server: both conflicts.
    const second = writeRegFile(
      dir,
      {
        sessions: [school('neu.schule.example', key.file)],
        hostKeys: [puttyHostKey(otherHostKey.publicKey, 'schule.example')],
      },
      'zweiter.reg',
    );

    await page.goto(host.url);
    await firstUse(page);
    const read = async (file: string) => {
      await page.getByRole('button', { name: 'Importieren …' }).click();
      await expect(page.getByRole('heading', { name: 'Aus PuTTY oder OpenSSH importieren' })).toBeVisible();
      await page.getByLabel('Datei', { exact: true }).fill(file);
      await page.getByRole('button', { name: 'Datei lesen' }).click();
      await expect(page.getByRole('heading', { name: 'Vorschau: Was importiert wird' })).toBeVisible();
    };

    await page.getByRole('button', { name: 'Importieren …' }).click();
    // An empty path said as an error.
    await page.getByRole('button', { name: 'Datei lesen' }).click();
    await expect(page.getByText('Bitte eine Datei angeben.')).toBeVisible();
    expect(await violations(page), 'import source').toEqual([]);
    await page.getByRole('button', { name: 'Abbrechen' }).click();

    await read(first);
    await expect(page.getByRole('list', { name: 'Hinweise beim Lesen' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: '/nicht/da/id_rsa' })).toBeDisabled();
    expect(await violations(page), 'import preview').toEqual([]);
    await page.getByRole('button', { name: 'Auswahl importieren' }).click();
    await expect(page.getByLabel(`Passphrase für ${key.file}`)).toBeVisible();
    expect(await violations(page), 'import result with a key file to unlock').toEqual([]);
    await page.getByLabel(`Passphrase für ${key.file}`).fill(passphrase);
    await page.getByRole('button', { name: 'Laden' }).click();
    await expect(page.getByText(/^Geladen: /)).toBeVisible();
    await page.getByRole('button', { name: 'Fertig' }).click();

    await read(second);
    const conflicts = [
      page.getByRole('checkbox', { name: 'Schule Müller', exact: true }),
      page.getByRole('checkbox', { name: 'schule.example:22 ssh-ed25519', exact: true }),
    ];
    for (const conflict of conflicts) await expect(conflict).not.toBeChecked();
    expect(await violations(page), 'import preview with conflicts').toEqual([]);
    for (const conflict of conflicts) await conflict.check();
    await expect(page.getByText(/^Ersetzt den gespeicherten Schlüssel/)).toBeVisible();
    expect(await violations(page), 'import preview, conflicts ticked').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violations(page), 'import preview, conflicts ticked, dark').toEqual([]);
  } finally {
    await host.stop();
    for (const folder of [host.dataDir, dir, home]) removeDir(folder);
    for (const file of [key, otherHostKey, firstHostKey]) file.remove();
  }
});
