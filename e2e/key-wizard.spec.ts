// The key wizard as a new user walks it, in German and in English: create an
// ED25519 key, take the public key from the page (and the clipboard), check
// the mail to support, then log in to a real sshd with that key through the
// agent it was loaded into.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startSshd, type Sshd } from '../test/fixtures/sshd';
import { removeDir, type RunningHost } from './fixtures/host';
import { expect, test } from './fixtures/test';

const PASS = 'Kreide Tafel Schwamm 2024';
const EMAIL = 'max.mustermann@firma.example';
const PHONE = '+49 170 1234567';
const REMOTE_USER = 'fw-max.mustermann';

const texts = {
  de: {
    welcome: 'Willkommen bei Fernwartung',
    offer: 'Schlüssel einrichten',
    wizardTitle: 'Schlüssel einrichten',
    chooseNew: 'Neuen Schlüssel erstellen',
    firmPrefix: 'Firmenkürzel',
    fullName: 'vorname.nachname',
    email: 'E-Mail-Adresse',
    phone: 'Mobilnummer für DUO',
    ed25519: 'ED25519 (empfohlen)',
    passphrase: 'Passphrase',
    repeat: 'Passphrase wiederholen',
    tooShort: 'Die Passphrase muss mindestens 12 Zeichen lang sein.',
    mismatch: 'Die beiden Eingaben stimmen nicht überein.',
    location: 'Speicherort',
    ppk: 'Zusätzlich eine PuTTY-Datei (.ppk) speichern, für PuTTY und WinSCP',
    generate: 'Schlüssel erzeugen',
    overwriteTitle: 'Datei überschreiben?',
    overwrite: 'Überschreiben',
    resultTitle: 'Ihr Schlüssel ist eingerichtet',
    publicKey: 'Öffentlicher Schlüssel',
    copy: 'Kopieren',
    copied: 'Der öffentliche Schlüssel ist in der Zwischenablage.',
    mail: 'An den Support senden',
    mailPhoneLine: `Mobilnummer für DUO: ${PHONE}`,
    mailUserLine: `Benutzername: ${REMOTE_USER}`,
    startTab: 'Start',
    newProfile: 'Neues Profil',
    name: 'Profilname',
    server: 'Server',
    port: 'Port',
    user: 'Benutzername',
    connected: 'Verbunden',
    save: 'Speichern',
    connect: 'Verbinden',
    accept: 'Akzeptieren und merken',
  },
  en: {
    welcome: 'Welcome to Fernwartung',
    offer: 'Set up a key',
    wizardTitle: 'Set up a key',
    chooseNew: 'Create a new key',
    firmPrefix: 'Firm prefix',
    fullName: 'firstname.lastname',
    email: 'E-mail address',
    phone: 'Mobile number for DUO',
    ed25519: 'ED25519 (recommended)',
    passphrase: 'Passphrase',
    repeat: 'Repeat passphrase',
    tooShort: 'The passphrase must have at least 12 characters.',
    mismatch: 'The two entries do not match.',
    location: 'Location',
    ppk: 'Also save a PuTTY file (.ppk), for PuTTY and WinSCP',
    generate: 'Create key',
    overwriteTitle: 'Overwrite file?',
    overwrite: 'Overwrite',
    resultTitle: 'Your key is set up',
    publicKey: 'Public key',
    copy: 'Copy',
    copied: 'The public key is on the clipboard.',
    mail: 'Send to support',
    mailPhoneLine: `Mobile number for DUO: ${PHONE}`,
    mailUserLine: `User name: ${REMOTE_USER}`,
    startTab: 'Start',
    newProfile: 'New profile',
    name: 'Profile name',
    server: 'Server',
    port: 'Port',
    user: 'User name',
    connected: 'Connected',
    save: 'Save',
    connect: 'Connect',
    accept: 'Accept and remember',
  },
};
type Texts = (typeof texts)['de'];

/** `SHA256:...` of a public key line, as ssh-keygen -l prints it. */
function fingerprintOfLine(line: string): string {
  const blob = Buffer.from(line.split(' ')[1]!, 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

function parseMailto(href: string): { to: string; subject: string; body: string } {
  const [to, query] = href.slice('mailto:'.length).split('?') as [string, string];
  const params = Object.fromEntries(
    query.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
  );
  return { to: decodeURIComponent(to), subject: params.subject ?? '', body: params.body ?? '' };
}

let sshd: Sshd;
let scratch: string;
test.beforeEach(async () => {
  sshd = await startSshd();
  scratch = mkdtempSync(join(tmpdir(), 'fw-e2e-keys-'));
});
test.afterEach(async () => {
  await sshd?.stop();
  removeDir(scratch);
});

/** Wizard from the start view's offer to the result page; returns the public key line. */
async function createKeyInWizard(
  page: Page,
  host: RunningHost,
  t: Texts,
  options: { path?: string; expectOverwrite?: boolean } = {},
) {
  await expect(page.getByRole('heading', { name: t.welcome })).toBeVisible();
  await page.getByRole('button', { name: t.offer, exact: true }).click();
  await expect(page.getByRole('heading', { name: t.wizardTitle, level: 1 })).toBeVisible();
  // The start view (hidden now) has first use's fields too: look inside the wizard.
  const wizard = page.getByRole('region', { name: t.wizardTitle });
  await wizard.getByRole('button', { name: t.chooseNew }).click();

  // First use is not done: the wizard asks for prefix and name too.
  await wizard.getByLabel(t.firmPrefix).fill('fw');
  await wizard.getByLabel(t.fullName).fill('max.mustermann');
  await wizard.getByLabel(t.email).fill(EMAIL);
  await wizard.getByLabel(t.phone).fill(PHONE);
  await expect(wizard.getByRole('radio', { name: t.ed25519 })).toBeChecked();

  // Too short, then a mismatch: both refused in the form.
  await wizard.getByLabel(t.passphrase, { exact: true }).fill('zu kurz');
  await wizard.getByLabel(t.repeat).fill('zu kurz');
  await wizard.getByRole('button', { name: t.generate }).click();
  await expect(wizard.getByText(t.tooShort)).toBeVisible();
  await wizard.getByLabel(t.passphrase, { exact: true }).fill(PASS);
  await wizard.getByLabel(t.repeat).fill(`${PASS}!`);
  await wizard.getByRole('button', { name: t.generate }).click();
  await expect(wizard.getByText(t.mismatch)).toBeVisible();
  await wizard.getByLabel(t.repeat).fill(PASS);

  const location = wizard.getByLabel(t.location);
  await expect(location).toHaveValue(join(host.dataDir, 'keys', 'id_ed25519'));
  if (options.path) await location.fill(options.path);
  await wizard.getByLabel(t.ppk).check();
  await wizard.getByRole('button', { name: t.generate }).click();
  if (options.expectOverwrite) {
    const dialog = wizard.getByRole('dialog', { name: t.overwriteTitle });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: t.overwrite }).click();
  }

  await expect(page.getByRole('heading', { name: t.resultTitle })).toBeVisible({ timeout: 30_000 });
  const box = page.getByLabel(t.publicKey);
  await expect(box).toHaveAttribute('readonly', '');
  const publicKey = await box.inputValue();
  expect(publicKey).toMatch(/^ssh-ed25519 AAAA[A-Za-z0-9+/]+=* max\.mustermann@firma\.example$/);
  await expect(page.getByText(fingerprintOfLine(publicKey), { exact: true })).toBeVisible();
  return publicKey;
}

async function checkCopyAndMail(page: Page, t: Texts, publicKey: string) {
  await page.getByRole('button', { name: t.copy, exact: true }).click();
  await expect(page.getByText(t.copied)).toBeVisible();
  expect(
    await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    ),
  ).toBe(publicKey);

  const href = await page.getByRole('link', { name: t.mail }).getAttribute('href');
  expect(href).toMatch(/^mailto:support@iserv\.eu\?subject=/);
  const mail = parseMailto(href!);
  expect(mail.to).toBe('support@iserv.eu');
  expect(mail.subject).toContain(REMOTE_USER);
  const lines = mail.body.split('\r\n');
  expect(lines).toContain(publicKey);
  expect(lines).toContain(t.mailUserLine);
  expect(lines).toContain(t.mailPhoneLine);
  expect(mail.body).not.toContain('PRIVATE');
  expect(mail.body).not.toContain(PASS);
}

async function connectWithProfile(page: Page, t: Texts, name: string) {
  await page.getByRole('tab', { name: t.startTab }).click();
  await page.getByRole('button', { name: t.newProfile }).click();
  await page.getByLabel(t.name, { exact: true }).fill(name);
  await page.getByLabel(t.server, { exact: true }).fill('127.0.0.1');
  await page.getByLabel(t.port, { exact: true }).fill(String(sshd.port));
  await page.getByLabel(t.user, { exact: true }).fill(sshd.user);
  await page.getByRole('button', { name: t.save }).click();
  await page.getByRole('listitem', { name }).getByRole('button', { name: t.connect }).click();

  const hostKey = page.getByRole('dialog');
  await expect(hostKey).toContainText(sshd.hostFingerprint);
  await hostKey.getByRole('button', { name: t.accept }).click();

  // No passphrase prompt: the wizard loaded the key into the agent.
  const terminal = page.getByRole('region', { name: `Terminal ${name}` });
  await expect(page.getByRole('status').filter({ hasText: t.connected })).toBeVisible({ timeout: 30_000 });
  await terminal.click();
  await page.keyboard.type('echo hallo-welt');
  await page.keyboard.press('Enter');
  // A row that is only the command's output, not the echoed command line.
  await expect(page.locator('.xterm-rows > div').filter({ hasText: /^\s*hallo-welt\s*$/ })).toHaveCount(1);
}

test('Deutsch: neuer ED25519-Schlüssel, Mail an den Support, Anmeldung am sshd', async ({
  page,
  context,
  host,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await page.goto(host.url);
  const publicKey = await createKeyInWizard(page, host, texts.de);
  await checkCopyAndMail(page, texts.de, publicKey);

  // The files the result names: owner-only key, .pub beside it, .ppk copy.
  const keyPath = join(host.dataDir, 'keys', 'id_ed25519');
  expect(statSync(keyPath).mode & 0o777).toBe(0o600);
  expect(statSync(`${keyPath}.ppk`).mode & 0o777).toBe(0o600);
  expect(readFileSync(`${keyPath}.pub`, 'utf8').trim()).toBe(publicKey);

  sshd.authorize(publicKey);
  // The offer is gone now that a key is set.
  await page.getByRole('tab', { name: 'Start' }).click();
  await expect(page.getByRole('button', { name: texts.de.offer, exact: true })).toHaveCount(0);
  await connectWithProfile(page, texts.de, 'Testschule');
});

test('English: new ED25519 key over an existing file, mail to support, login to sshd', async ({
  page,
  context,
  host,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await page.goto(host.url);
  await page.getByLabel('Sprache').selectOption('en');
  await expect(page.getByLabel('Language')).toHaveValue('en');

  // A file is in the way: the wizard asks before replacing it.
  const path = join(scratch, 'id_ed25519');
  writeFileSync(path, 'old key\n');
  const publicKey = await createKeyInWizard(page, host, texts.en, { path, expectOverwrite: true });
  await checkCopyAndMail(page, texts.en, publicKey);
  expect(readFileSync(path, 'utf8')).toContain('BEGIN OPENSSH PRIVATE KEY');
  expect(statSync(path).mode & 0o777).toBe(0o600);

  sshd.authorize(publicKey);
  await connectWithProfile(page, texts.en, 'Test school');
});

test('Deutsch: vorhandener Schlüssel – RSA-2048 wird mit Grund abgelehnt, eine PuTTYgen-Datei übernommen', async ({
  page,
  host,
}) => {
  const rsa = join(scratch, 'id_rsa_2048');
  execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-C', EMAIL, '-f', rsa]);
  const passFile = join(scratch, 'pass.txt');
  writeFileSync(passFile, PASS, { mode: 0o600 });
  const ppk = join(scratch, 'putty.ppk');
  execFileSync('puttygen', ['-t', 'ed25519', '-C', EMAIL, '--new-passphrase', passFile, '-o', ppk]);
  const ppkPublic = execFileSync('puttygen', [ppk, '--old-passphrase', passFile, '-O', 'public-openssh'], {
    encoding: 'utf8',
  }).trim();

  await page.goto(host.url);
  await page.getByRole('button', { name: texts.de.offer, exact: true }).click();
  const wizard = page.getByRole('region', { name: texts.de.wizardTitle });
  await wizard.getByRole('button', { name: 'Vorhandenen Schlüssel verwenden' }).click();
  await wizard.getByLabel(texts.de.firmPrefix).fill('fw');
  await wizard.getByLabel(texts.de.fullName).fill('max.mustermann');
  await wizard.getByLabel(texts.de.email).fill(EMAIL);
  await wizard.getByLabel(texts.de.phone).fill(PHONE);

  await wizard.getByLabel('Schlüsseldatei').fill(rsa);
  await wizard.getByRole('button', { name: 'Schlüssel laden' }).click();
  await expect(wizard.getByRole('alert')).toHaveText(
    'Dieser Schlüssel (ssh-rsa, 2048 Bit) ist nicht zulässig. IServ akzeptiert nur ED25519 oder RSA mit genau 4096 Bit.',
  );

  await wizard.getByLabel('Schlüsseldatei').fill(ppk);
  await wizard.getByLabel('Passphrase (falls vorhanden)').fill(PASS);
  await wizard.getByRole('button', { name: 'Schlüssel laden' }).click();
  await expect(wizard.getByRole('heading', { name: texts.de.resultTitle })).toBeVisible();
  const publicKey = await wizard.getByLabel(texts.de.publicKey).inputValue();
  expect(publicKey.split(' ').slice(0, 2)).toEqual(ppkPublic.split(' ').slice(0, 2));
  const mail = parseMailto((await wizard.getByRole('link', { name: texts.de.mail }).getAttribute('href'))!);
  expect(mail.body.split('\r\n')).toContain(publicKey);
});
