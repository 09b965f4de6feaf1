// The first slice as a technician sees it: first use, a Portalserver
// profile, the host key dialog, a live terminal, `exit`, and a restart that
// remembers profile and host key.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startSshd, type Sshd } from '../test/fixtures/sshd';
import { removeDir, startHost, type RunningHost } from './fixtures/host';
import { typeInTerminal } from './fixtures/ui';
import { makeKeyFile, type TestKeyFile } from './fixtures/keys';

const PASSPHRASE = 'ein-langer-test-satz-fuer-den-schluessel';

let sshd: Sshd;
let key: TestKeyFile;
let dataDir: string;

test.beforeAll(async () => {
  key = makeKeyFile(PASSPHRASE);
  sshd = await startSshd({ authorizedKeys: [key.publicKey] });
  dataDir = mkdtempSync(join(tmpdir(), 'fw-e2e-data-'));
});
test.afterAll(async () => {
  await sshd?.stop();
  key?.remove();
  removeDir(dataDir);
});

async function unlockKey(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Passphrase eingeben' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Entsperren' }).click();
}

test('first use, profile, host key, terminal, exit, and a restart that remembers', async ({ page }) => {
  let host: RunningHost = await startHost({ dataDir });
  try {
    await page.goto(host.url);
    await page.getByLabel('Firmenkürzel').fill('iserv');
    await page.getByLabel('vorname.nachname').fill('max.mustermann');
    await page.getByLabel('E-Mail-Adresse').fill('max.mustermann@firma.de');
    await expect(page.getByText('Benutzername: iserv-max.mustermann')).toBeVisible();
    await page.getByRole('button', { name: 'Speichern' }).click();

    await page.getByRole('button', { name: 'Neues Profil' }).click();
    await page.getByLabel('Profilname').fill('Testschule');
    await page.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill(String(sshd.port));
    await expect(page.getByLabel('Benutzername')).toHaveAttribute('placeholder', 'iserv-max.mustermann');
    await page.getByLabel('Benutzername').fill(sshd.user);
    await page.getByLabel('Schlüsseldatei (optional)').fill(key.file);
    await page.getByRole('button', { name: 'Speichern' }).click();

    const profile = page.getByRole('listitem', { name: 'Testschule' });
    await profile.getByRole('button', { name: 'Verbinden' }).click();
    await unlockKey(page);

    const hostKey = page.getByRole('dialog', { name: 'Unbekannter Server' });
    await expect(hostKey).toBeVisible();
    await expect(hostKey.getByLabel('Fingerabdruck')).toHaveText(sshd.hostFingerprint);
    await hostKey.getByRole('button', { name: 'Akzeptieren und merken' }).click();

    await expect(page.getByRole('status')).toContainText('Verbunden');
    // The terminal has the focus once connected: typing goes straight to the server.
    await page.keyboard.type('echo hallo-welt');
    await page.keyboard.press('Enter');
    await expect(page.locator('.xterm-rows')).toContainText('hallo-welt');
    await typeInTerminal(page, 'Testschule', 'exit');
    await expect(page.getByRole('status')).toContainText('Getrennt');
    await expect(page.getByRole('button', { name: 'Neu verbinden' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tab schließen' })).toBeVisible();
  } finally {
    await host.stop();
  }

  host = await startHost({ dataDir });
  try {
    await page.goto(host.url);
    const profile = page.getByRole('listitem', { name: 'Testschule' });
    await profile.getByRole('button', { name: 'Verbinden' }).click();
    await unlockKey(page);
    await expect(page.getByRole('status')).toContainText('Verbunden');
    await expect(page.getByRole('dialog', { name: 'Unbekannter Server' })).toHaveCount(0);
    await typeInTerminal(page, 'Testschule', 'echo zweiter-start');
    await expect(page.locator('.xterm-rows')).toContainText('zweiter-start');
  } finally {
    await host.stop();
  }
});
