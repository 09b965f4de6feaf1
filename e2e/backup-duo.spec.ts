// A Backupserver session through its portal as a technician sees it, in German
// and in English: first use, a Portalserver and a Backupserver profile made in
// the form, the key's passphrase, both host keys, two DUO dialogs (push on the
// portal, a passcode on the backup server), a command in the terminal, then a
// second tab on the kept connections without any dialog or new login, and the
// Portalserver profile on the portal connection the backup session holds.
import type { Locator, Page } from '@playwright/test';
import { startDuoServer, type DuoServer } from '../test/fixtures/duo-server';
import { expect, test } from './fixtures/test';
import { outputRow, typeInTerminal } from './fixtures/ui';
import { violations } from './fixtures/axe';
import { makeKeyFile, type TestKeyFile } from './fixtures/keys';

const PASSPHRASE = 'Kreide Tafel Schwamm 2024';
const EMAIL = 'max.mustermann@firma.de';
const USER = 'iserv-max.mustermann';
const DEVICE = 'XXX-XXX-1078';
const PASSCODE = '123456';
/** The portal's phone answers the push after this: long enough to see the tab wait. */
const PUSH_DELAY_MS = 2000;
/** A login over two hops on two busy cores. */
const CONNECT_TIMEOUT = 45_000;

const texts = {
  de: {
    firmPrefix: 'Firmenkürzel',
    fullName: 'vorname.nachname',
    email: 'E-Mail-Adresse',
    save: 'Speichern',
    startTab: 'Start',
    newProfile: 'Neues Profil',
    name: 'Profilname',
    kindPortal: 'Portalserver',
    kindBackup: 'Backupserver',
    server: 'Server',
    port: 'Port',
    portalField: 'Portalserver (Proxy)',
    user: 'Benutzername',
    keyFile: 'Schlüsseldatei (optional)',
    targetPortal: (host: string) => `Verbindet mit ${host}`,
    targetBackup: (host: string, portal: string) => `Verbindet mit ${host} über ${portal}`,
    via: (portal: string) => `über ${portal}`,
    connect: 'Verbinden',
    passphraseTitle: 'Passphrase eingeben',
    passphrase: 'Passphrase',
    unlock: 'Entsperren',
    hostKeyTitle: 'Unbekannter Server',
    fingerprint: 'Fingerabdruck',
    accept: 'Akzeptieren und merken',
    portalHop: (port: number) => `Portalserver 127.0.0.1:${port}`,
    backupHop: (port: number) => `Backupserver 127.0.0.1:${port}`,
    step: (index: number) => `Schritt ${index} von 2`,
    duoTitle: (server: string) => `Anmeldung bestätigen – ${server}`,
    duoUser: `Anmeldung als ${USER}`,
    push: `Push an ${DEVICE}`,
    passcode: 'Passcode',
    send: 'Senden',
    waiting: 'Bitte auf dem Smartphone bestätigen',
    connected: 'Verbunden seit',
    reused: '(Verbindung wiederverwendet)',
    profiles: {
      portal: 'Portal Musterschule',
      backup: 'Backup Musterschule',
    },
  },
  en: {
    firmPrefix: 'Firm prefix',
    fullName: 'firstname.lastname',
    email: 'E-mail address',
    save: 'Save',
    startTab: 'Start',
    newProfile: 'New profile',
    name: 'Profile name',
    kindPortal: 'Portal server',
    kindBackup: 'Backup server',
    server: 'Server',
    port: 'Port',
    portalField: 'Portal server (proxy)',
    user: 'User name',
    keyFile: 'Key file (optional)',
    targetPortal: (host: string) => `Connects to ${host}`,
    targetBackup: (host: string, portal: string) => `Connects to ${host} through ${portal}`,
    via: (portal: string) => `through ${portal}`,
    connect: 'Connect',
    passphraseTitle: 'Enter passphrase',
    passphrase: 'Passphrase',
    unlock: 'Unlock',
    hostKeyTitle: 'Unknown server',
    fingerprint: 'Fingerprint',
    accept: 'Accept and remember',
    portalHop: (port: number) => `Portal server 127.0.0.1:${port}`,
    backupHop: (port: number) => `Backup server 127.0.0.1:${port}`,
    step: (index: number) => `Step ${index} of 2`,
    duoTitle: (server: string) => `Confirm login – ${server}`,
    duoUser: `Logging in as ${USER}`,
    push: `Push to ${DEVICE}`,
    passcode: 'Passcode',
    send: 'Send',
    waiting: 'Please approve on your phone',
    connected: 'Connected since',
    reused: '(connection reused)',
    profiles: {
      portal: 'School portal',
      backup: 'School backup',
    },
  },
};
type Texts = (typeof texts)['de'];

let key: TestKeyFile;
let portal: DuoServer;
let backup: DuoServer;

test.beforeEach(async () => {
  key = makeKeyFile(PASSPHRASE, EMAIL);
  const publicKey = key.publicKey;
  portal = await startDuoServer({
    authorizedKeys: [publicKey],
    behaviour: { push: { result: 'approve', delayMs: PUSH_DELAY_MS } },
  });
  backup = await startDuoServer({ authorizedKeys: [publicKey] });
});
test.afterEach(async () => {
  await portal?.stop();
  await backup?.stop();
  key?.remove();
});

async function firstUse(page: Page, t: Texts) {
  await page.getByLabel(t.firmPrefix).fill('iserv');
  await page.getByLabel(t.fullName).fill('max.mustermann');
  await page.getByLabel(t.email).fill(EMAIL);
  await page.getByRole('button', { name: t.save }).click();
}

/** Fills the profile form; the Backupserver kind gets the typed portal. */
async function addProfile(page: Page, t: Texts, kind: 'portal' | 'backup') {
  const name = t.profiles[kind];
  await page.getByRole('tab', { name: t.startTab }).click();
  await page.getByRole('button', { name: t.newProfile }).click();
  await page.getByLabel(t.name, { exact: true }).fill(name);
  const kinds = page.getByRole('radiogroup');
  await expect(kinds.getByRole('radio', { name: t.kindPortal, exact: true })).toBeChecked();
  await kinds
    .getByRole('radio', { name: kind === 'portal' ? t.kindPortal : t.kindBackup, exact: true })
    .check();
  await page.getByLabel(t.server, { exact: true }).fill('127.0.0.1');
  const port = kind === 'portal' ? portal.port : backup.port;
  await page.getByLabel(t.port, { exact: true }).fill(String(port));
  const portalField = page.getByLabel(t.portalField, { exact: true });
  if (kind === 'backup') {
    await portalField.fill(`127.0.0.1:${portal.port}`);
    await expect(
      page.getByText(t.targetBackup(`127.0.0.1:${backup.port}`, `127.0.0.1:${portal.port}`)),
    ).toBeVisible();
  } else {
    await expect(portalField).toHaveCount(0);
    await expect(page.getByText(t.targetPortal(`127.0.0.1:${portal.port}`))).toBeVisible();
  }
  // Empty: the user name from first use.
  await expect(page.getByLabel(t.user, { exact: true })).toHaveAttribute('placeholder', USER);
  await page.getByLabel(t.keyFile).fill(key.file);
  await page.getByRole('button', { name: t.save }).click();

  const row = page.getByRole('listitem', { name, exact: true });
  await expect(row).toContainText(kind === 'portal' ? t.kindPortal : t.kindBackup);
  await expect(row).toContainText(`${USER}@127.0.0.1:${port}`);
  if (kind === 'backup') await expect(row).toContainText(t.via(`127.0.0.1:${portal.port}`));
}

async function connect(page: Page, t: Texts, kind: 'portal' | 'backup') {
  await page.getByRole('tab', { name: t.startTab }).click();
  await page
    .getByRole('listitem', { name: t.profiles[kind], exact: true })
    .getByRole('button', { name: t.connect })
    .click();
}

/** The status line of the terminal tab in front. */
function tabStatus(page: Page): Locator {
  return page.locator('.terminal-tab').filter({ visible: true }).getByRole('status');
}

/** Host key dialog of one hop: names the hop and shows the server's fingerprint. */
async function acceptHostKey(page: Page, t: Texts, hop: string, server: DuoServer) {
  const dialog = page.getByRole('dialog', { name: t.hostKeyTitle });
  await expect(dialog).toBeVisible({ timeout: CONNECT_TIMEOUT });
  await expect(dialog).toContainText(hop);
  await expect(dialog.getByLabel(t.fingerprint)).toHaveText(server.hostFingerprint);
  await dialog.getByRole('button', { name: t.accept }).click();
  await expect(dialog).toHaveCount(0);
}

/** The DUO dialog of one hop, named by its server, saying the step. */
async function duoDialog(page: Page, t: Texts, hop: string, step: number): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: t.duoTitle(hop) });
  await expect(dialog).toBeVisible({ timeout: CONNECT_TIMEOUT });
  await expect(dialog).toContainText(t.step(step));
  await expect(dialog).toContainText(t.duoUser);
  return dialog;
}

/** Counts every <dialog> the page adds from now on, however briefly it stays. */
async function countDialogsFromNow(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    type Added = { addedNodes: ArrayLike<{ nodeName: string }> };
    const g = globalThis as unknown as {
      fwDialogsAdded: number;
      document: { body: unknown };
      MutationObserver: new (callback: (records: Added[]) => void) => {
        observe(target: unknown, options: { childList: boolean; subtree: boolean }): void;
      };
    };
    g.fwDialogsAdded = 0;
    new g.MutationObserver((records) => {
      for (const record of records)
        for (const node of Array.from(record.addedNodes)) if (node.nodeName === 'DIALOG') g.fwDialogsAdded++;
    }).observe(g.document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (globalThis as unknown as { fwDialogsAdded: number }).fwDialogsAdded);
}

/** No dialog opens for a short while (the one fixed wait: proving an absence). */
async function expectNoDialogFor(page: Page, ms: number) {
  const appeared = await page
    .getByRole('dialog')
    .first()
    .waitFor({ state: 'visible', timeout: ms })
    .then(
      () => true,
      () => false,
    );
  expect(appeared, 'a dialog opened').toBe(false);
}

async function backupThroughPortal(page: Page, t: Texts) {
  await firstUse(page, t);
  await addProfile(page, t, 'portal');
  await addProfile(page, t, 'backup');
  const backupName = t.profiles.backup;
  const portalHop = t.portalHop(portal.port);
  const backupHop = t.backupHop(backup.port);

  // First tab: every question once, in order.
  await connect(page, t, 'backup');
  const unlock = page.getByRole('dialog', { name: t.passphraseTitle });
  await expect(unlock).toBeVisible({ timeout: CONNECT_TIMEOUT });
  await unlock.getByLabel(t.passphrase).fill(PASSPHRASE);
  await unlock.getByRole('button', { name: t.unlock }).click();

  await acceptHostKey(page, t, `${portalHop} – ${t.step(1)}`, portal);
  const first = await duoDialog(page, t, portalHop, 1);
  expect(await violations(page), 'DUO dialog').toEqual([]);
  await first.getByRole('button', { name: t.push }).click();
  await expect(first).toHaveCount(0);
  // The phone takes its time: the tab says which step waits.
  await expect(tabStatus(page)).toContainText(`${t.waiting} · ${portalHop} – ${t.step(1)}`);

  await acceptHostKey(page, t, `${backupHop} – ${t.step(2)}`, backup);
  const second = await duoDialog(page, t, backupHop, 2);
  await second.getByLabel(t.passcode).fill(PASSCODE);
  await second.getByRole('button', { name: t.send }).click();
  await expect(second).toHaveCount(0);

  await expect(tabStatus(page)).toContainText(t.connected, { timeout: CONNECT_TIMEOUT });
  await expect(tabStatus(page)).not.toContainText(t.reused);
  expect(await violations(page), 'connected tab').toEqual([]);
  await typeInTerminal(page, backupName, 'echo backup-ok');
  await expect(outputRow(page, backupName, 'backup-ok')).toHaveCount(1);

  // What the servers saw: one login each, push (answer "1") on the portal,
  // the passcode on the backup server, reached through the portal's forward.
  const kiOutcomes = (server: DuoServer) =>
    server.records.auth
      .filter((a) => a.method === 'keyboard-interactive')
      .map((a) => ({ user: a.user, answersLengths: a.answersLengths, outcome: a.outcome }));
  expect(kiOutcomes(portal)).toEqual([{ user: USER, answersLengths: [[1]], outcome: 'success' }]);
  expect(kiOutcomes(backup)).toEqual([
    { user: USER, answersLengths: [[PASSCODE.length]], outcome: 'success' },
  ]);
  expect(portal.records.forwards).toEqual([
    { connection: 1, destIP: '127.0.0.1', destPort: backup.port, outcome: 'opened' },
  ]);
  expect(backup.records.env).toContainEqual({ connection: 1, name: 'EMAIL', value: EMAIL });

  // Second tab of the same profile: the kept connections, no dialog, no login.
  const authBefore = { portal: portal.records.auth.length, backup: backup.records.auth.length };
  const dialogsAdded = await countDialogsFromNow(page);
  await connect(page, t, 'backup');
  await expect(tabStatus(page)).toContainText(t.reused, { timeout: CONNECT_TIMEOUT });
  await expect(tabStatus(page)).toContainText(t.connected);
  await expectNoDialogFor(page, 1000);
  expect(await dialogsAdded()).toBe(0);
  await typeInTerminal(page, backupName, 'echo zweiter-tab-ok');
  await expect(outputRow(page, backupName, 'zweiter-tab-ok')).toHaveCount(1);

  // The Portalserver profile: the portal connection the backup session holds.
  await connect(page, t, 'portal');
  await expect(tabStatus(page)).toContainText(t.reused, { timeout: CONNECT_TIMEOUT });
  await expectNoDialogFor(page, 1000);
  expect(await dialogsAdded()).toBe(0);
  await typeInTerminal(page, t.profiles.portal, 'echo portal-ok');
  await expect(outputRow(page, t.profiles.portal, 'portal-ok')).toHaveCount(1);

  expect({ portal: portal.records.auth.length, backup: backup.records.auth.length }).toEqual(authBefore);
  expect(portal.records.connections).toBe(1);
  expect(backup.records.connections).toBe(1);
  expect(portal.records.forwards).toHaveLength(1);
}

test('Deutsch: Backupserver über das Portal, zwei DUO-Schritte, zweiter Tab ohne Bestätigung', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await backupThroughPortal(page, texts.de);
});

test('English: backup server through the portal, two DUO steps, second tab without approval', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await page.getByLabel('Sprache').selectOption('en');
  await expect(page.getByLabel('Language')).toHaveValue('en');
  await backupThroughPortal(page, texts.en);
});
