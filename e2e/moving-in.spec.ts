// Moving in as a technician does it: a PuTTY registry export read through the
// import view (preview, problems, import, result), then the imported profile
// connects with the imported host key and no "Unbekannter Server" dialog. The
// export holds only the server's RSA key, so the app has to offer the stored
// type first. Then "this computer": ~/.ssh/config and a hashed known_hosts,
// offered at first use, imported with the key file into the agent, connected
// without any dialog.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { puttyHostKey, puttySession } from '../test/fixtures/putty-reg';
import { startSshd, type Sshd } from '../test/fixtures/sshd';
import { removeDir, startHost, type RunningHost } from './fixtures/host';
import { makeKeyFile, type TestKeyFile } from './fixtures/keys';
import { recordDialogTitles, tempDir, writeRegFile } from './fixtures/moving-in';
import { firstUse, outputRow, typeInTerminal } from './fixtures/ui';

const PASSPHRASE = 'Umzug mit allen Sitzungen 2024';
const SCHOOL = 'Schule Müller';
const TELNET = 'Router Telnet';

let sshd: Sshd;
let key: TestKeyFile;
let dirs: string[] = [];
let host: RunningHost | undefined;

test.beforeEach(async () => {
  key = makeKeyFile(PASSPHRASE);
  sshd = await startSshd({ authorizedKeys: [key.publicKey], hostKeyTypes: ['ed25519', 'rsa'] });
});
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook uses from this pattern.
test.afterEach(async ({}, testInfo) => {
  if (host && testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('host stderr', { body: host.stderr() });
  await host?.stop();
  host = undefined;
  await sshd?.stop();
  key?.remove();
  for (const dir of dirs) removeDir(dir);
  dirs = [];
});

function newDir(prefix?: string): string {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
}

/** The host on its own data folder, reading "this computer" from `home` only. */
async function startHostWithHome(home: string): Promise<RunningHost> {
  host = await startHost({ dataDir: newDir('fw-e2e-data-'), args: ['--home', home] });
  return host;
}

/** The status line of the terminal tab in front. */
function tabStatus(page: Page): Locator {
  return page.locator('.terminal-tab').filter({ visible: true }).getByRole('status');
}

/** Connects the profile `name` from the list; `unlock` answers the key's passphrase dialog. */
async function connectAndEcho(page: Page, name: string, unlock: boolean) {
  const row = page.getByRole('listitem', { name, exact: true });
  await expect(row).toContainText(`${sshd.user}@127.0.0.1:${sshd.port}`);
  await row.getByRole('button', { name: 'Verbinden' }).click();
  if (unlock) {
    const dialog = page.getByRole('dialog', { name: 'Passphrase eingeben' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Entsperren' }).click();
  }
  // Whichever comes first: connected, or the question the imported host key should have spared.
  const hostKeyDialog = page.getByRole('dialog', { name: 'Unbekannter Server' });
  await expect(tabStatus(page).filter({ hasText: 'Verbunden' }).or(hostKeyDialog)).toBeVisible();
  expect(await hostKeyDialog.count(), 'the host key dialog opened').toBe(0);
  await expect(tabStatus(page)).toContainText('Verbunden');
  // $((…)) makes the output differ from the command line the terminal echoes.
  await typeInTerminal(page, name, 'echo umzug-$((40+2))');
  await expect(outputRow(page, name, 'umzug-42')).toHaveCount(1);
}

test('a PuTTY .reg through the import view: preview, problems, import, connect with the imported RSA key', async ({
  page,
}) => {
  const regDir = newDir('fw-e2e-reg-');
  const regFile = writeRegFile(regDir, {
    sessions: [
      puttySession(SCHOOL, {
        HostName: '127.0.0.1',
        PortNumber: sshd.port,
        UserName: sshd.user,
        PublicKeyFile: key.file,
      }),
      puttySession(TELNET, { HostName: '10.0.0.1', Protocol: 'telnet', PortNumber: 23 }),
    ],
    // Only the RSA key: the server's ED25519 key would be unknown.
    hostKeys: [puttyHostKey(sshd.hostKeys.rsa!.publicKey, '127.0.0.1', sshd.port)],
  });
  const dialogTitles = await recordDialogTitles(page);
  await startHostWithHome(newDir());
  await page.goto(host!.url);
  await firstUse(page);

  await page.getByRole('button', { name: 'Importieren …' }).click();
  await expect(page.getByRole('heading', { name: 'Aus PuTTY oder OpenSSH importieren' })).toBeVisible();
  await page.getByLabel('Datei', { exact: true }).fill(regFile);
  await page.getByRole('button', { name: 'Datei lesen' }).click();

  await expect(page.getByRole('heading', { name: 'Vorschau: Was importiert wird' })).toBeVisible();
  await expect(page.getByText('Gelesen: putty.reg')).toBeVisible();
  const profiles = page.getByRole('list', { name: 'Profile' });
  await expect(profiles.getByRole('listitem')).toHaveCount(1);
  await expect(profiles.getByRole('checkbox', { name: SCHOOL, exact: true })).toBeChecked();
  await expect(profiles).toContainText(`Portalserver · ${sshd.user}@127.0.0.1:${sshd.port}`);
  await expect(profiles).toContainText(`Schlüsseldatei: ${key.file}`);
  const hostKeys = page.getByRole('list', { name: 'Hostschlüssel' });
  await expect(hostKeys.getByRole('listitem')).toHaveCount(1);
  const hostKey = hostKeys.getByRole('checkbox', { name: `127.0.0.1:${sshd.port} ssh-rsa`, exact: true });
  await expect(hostKey).toBeChecked();
  await expect(hostKeys).toContainText(sshd.hostKeys.rsa!.fingerprint);
  const problems = page.getByRole('list', { name: 'Hinweise beim Lesen' });
  await expect(problems.getByRole('listitem')).toHaveText([
    new RegExp(
      `^putty\\.reg, Zeile \\d+: Die Sitzung »${TELNET}« verwendet telnet, nicht SSH: nicht übernommen\\.$`,
    ),
  ]);
  // The key stays out of the agent here: connecting asks its passphrase.
  const keyFile = page
    .getByRole('list', { name: 'Schlüsseldateien' })
    .getByRole('checkbox', { name: key.file });
  await expect(keyFile).toBeChecked();
  await keyFile.uncheck();
  await expect(page.getByText('Ausgewählt: Profile 1, Hostschlüssel 1, Schlüsseldateien 0.')).toBeVisible();

  await page.getByRole('button', { name: 'Auswahl importieren' }).click();
  await expect(page.getByRole('heading', { name: 'Import abgeschlossen' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('1 Profil importiert, 1 Hostschlüssel übernommen.');
  await page.getByRole('button', { name: 'Fertig' }).click();

  await expect(page.getByRole('listitem', { name: SCHOOL, exact: true })).toBeVisible();
  await expect(page.getByRole('listitem', { name: TELNET })).toHaveCount(0);
  await connectAndEcho(page, SCHOOL, true);
  expect(await dialogTitles()).toEqual(['Passphrase eingeben']);
});

test('this computer: ~/.ssh/config and a hashed known_hosts offered at first use, imported, connected without a dialog', async ({
  page,
}) => {
  const home = newDir();
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700 });
  writeFileSync(
    join(ssh, 'config'),
    [
      'Host schule-b',
      '    HostName 127.0.0.1',
      `    Port ${sshd.port}`,
      `    User ${sshd.user}`,
      `    IdentityFile ${key.file}`,
      '',
    ].join('\n'),
  );
  const knownHosts = join(ssh, 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${sshd.port} ${sshd.hostKeys.ed25519!.publicKey}\n`);
  execFileSync('ssh-keygen', ['-q', '-H', '-f', knownHosts], { stdio: 'ignore' });
  rmSync(`${knownHosts}.old`, { force: true });

  const dialogTitles = await recordDialogTitles(page);
  await startHostWithHome(home);
  await page.goto(host!.url);
  await firstUse(page);

  const offer = page.getByRole('region', { name: 'Vorhandene Sitzungen übernehmen?' });
  await expect(offer).toContainText(
    'Auf diesem Computer wurde 1 PuTTY-/OpenSSH-Sitzung gefunden. Importieren?',
  );
  await offer.getByRole('button', { name: 'Ansehen und importieren …' }).click();

  await expect(page.getByRole('heading', { name: 'Vorschau: Was importiert wird' })).toBeVisible();
  await expect(page.getByText('Gelesen: config, known_hosts')).toBeVisible();
  const profiles = page.getByRole('list', { name: 'Profile' });
  await expect(profiles.getByRole('checkbox', { name: 'schule-b', exact: true })).toBeChecked();
  await expect(profiles).toContainText(`${sshd.user}@127.0.0.1:${sshd.port}`);
  // Hashed: neither host nor port can be shown.
  const hostKey = page
    .getByRole('list', { name: 'Hostschlüssel' })
    .getByRole('checkbox', { name: 'gehashter Eintrag, Zeile 1 ssh-ed25519', exact: true });
  await expect(hostKey).toBeChecked();
  const keyFile = page
    .getByRole('list', { name: 'Schlüsseldateien' })
    .getByRole('checkbox', { name: key.file });
  await expect(keyFile).toBeChecked();
  await expect(page.getByRole('list', { name: 'Hinweise beim Lesen' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Auswahl importieren' }).click();
  await expect(page.getByRole('heading', { name: 'Import abgeschlossen' })).toBeVisible();
  await expect(page.locator('.import-result')).toHaveText('1 Profil importiert, 1 Hostschlüssel übernommen.');
  // The key file goes into the agent here, its passphrase asked in the view.
  const load = page.getByRole('form', { name: key.file });
  await load.getByLabel(`Passphrase für ${key.file}`).fill(PASSPHRASE);
  await load.getByRole('button', { name: 'Laden' }).click();
  await expect(page.getByText('Geladen: max@firma.de. Wird bei jedem Start geladen.')).toBeVisible();
  await page.getByRole('button', { name: 'Fertig' }).click();

  await expect(page.getByRole('region', { name: 'Vorhandene Sitzungen übernehmen?' })).toHaveCount(0);
  await connectAndEcho(page, 'schule-b', false);
  expect(await dialogTitles()).toEqual([]);
});
