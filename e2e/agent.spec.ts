// The agent as a technician uses it instead of Pageant: a PuTTYgen key added
// in the agent view, visible to ssh-add through SSH_AUTH_SOCK, a profile
// without a key file that logs in with it, and after removing the key the
// same profile fails with "no key available".
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { sshArgs, startSshd, type Sshd } from '../test/fixtures/sshd';
import { removeDir } from './fixtures/host';
import { expect, test } from './fixtures/test';
import { addPortalProfile, firstUse, typeInTerminal } from './fixtures/ui';

const run = promisify(execFile);
// A test passphrase: it lives in a file and in the form field, never in output.
const PASSPHRASE = 'ein-langer-test-satz-fuer-pageant';
const COMMENT = 'max.mustermann@firma.de';

let sshd: Sshd;
let keyDir: string;
let ppk: string;
let fingerprint: string;
let rsa2048: string;

/** `ssh-add -l` against the host's socket: the fingerprints it lists (or none). */
async function agentFingerprints(socket: string): Promise<string[]> {
  const result = await run('ssh-add', ['-l', '-E', 'sha256'], {
    env: { PATH: process.env.PATH, SSH_AUTH_SOCK: socket, LANG: 'C' },
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return result.stdout
    .split('\n')
    .filter((line) => /^\d+ SHA256:/.test(line))
    .map((line) => line.split(' ')[1]!);
}

async function createProfileAndConnect(page: Page) {
  await addPortalProfile(page, { name: 'Testschule', host: '127.0.0.1', port: sshd.port, user: sshd.user });
  await page.getByRole('listitem', { name: 'Testschule' }).getByRole('button', { name: 'Verbinden' }).click();
  const hostKey = page.getByRole('dialog', { name: 'Unbekannter Server' });
  await expect(hostKey).toBeVisible();
  await hostKey.getByRole('button', { name: 'Akzeptieren und merken' }).click();
}

test.beforeAll(async () => {
  keyDir = mkdtempSync(join(tmpdir(), 'fw-e2e-agent-'));
  const passFile = join(keyDir, 'pass');
  writeFileSync(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  ppk = join(keyDir, 'k.ppk');
  execFileSync('puttygen', ['-t', 'ed25519', '-C', COMMENT, '-o', ppk, '--new-passphrase', passFile]);
  const publicLine = execFileSync('puttygen', [ppk, '-O', 'public-openssh', '--old-passphrase', passFile], {
    encoding: 'utf8',
  }).trim();
  const pubFile = join(keyDir, 'k.pub');
  writeFileSync(pubFile, `${publicLine}\n`);
  fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', pubFile], { encoding: 'utf8' }).split(
    ' ',
  )[1]!;
  rsa2048 = join(keyDir, 'id_rsa2048');
  execFileSync('ssh-keygen', [
    '-q',
    '-t',
    'rsa',
    '-b',
    '2048',
    '-N',
    '',
    '-C',
    'alt@firma.de',
    '-f',
    rsa2048,
  ]);
  sshd = await startSshd({ authorizedKeys: [publicLine] });
});

test.afterAll(async () => {
  await sshd?.stop();
  removeDir(keyDir);
});

test('a .ppk key in the agent logs in a profile without key file; removed, the login says no key', async ({
  page,
  host,
}) => {
  const socket = host.values.SSH_AUTH_SOCK!;
  expect(socket).toBe(join(host.dataDir, 'agent', 'agent.sock'));
  expect(await agentFingerprints(socket)).toEqual([]);

  await page.goto(host.url);
  await firstUse(page);

  // The agent view: the socket for other programs, then the key with its passphrase.
  await page.getByRole('tab', { name: 'Agent', exact: true }).click();
  await expect(page.getByLabel('Zeile für die Shell', { exact: true })).toHaveText(
    `export SSH_AUTH_SOCK='${socket}'`,
  );
  await expect(page.getByLabel('Eintrag für ~/.ssh/config', { exact: true })).toHaveText(
    `IdentityAgent "${socket}"`,
  );
  await expect(page.getByText('Keine Schlüssel geladen.')).toBeVisible();
  await page.getByLabel('Schlüsseldatei', { exact: true }).fill(ppk);
  await page.getByRole('button', { name: 'Schlüssel laden' }).click();
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  await expect(passphrase).toBeVisible();
  await passphrase.fill('nicht-die-richtige');
  await page.getByRole('button', { name: 'Schlüssel laden' }).click();
  await expect(page.getByText('Die Passphrase ist falsch', { exact: false })).toBeVisible();
  await passphrase.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Schlüssel laden' }).click();

  const keys = page.getByRole('table', { name: 'Geladene Schlüssel' });
  const row = keys.getByRole('row', { name: COMMENT });
  await expect(row).toBeVisible();
  await expect(row).toContainText(fingerprint);
  await expect(row).toContainText('ssh-ed25519');
  await expect(row).toContainText(ppk);
  await expect(page.getByText('1 Schlüssel geladen')).toBeVisible();
  expect(await agentFingerprints(socket)).toEqual([fingerprint]);

  // ssh-add of a key outside the policy: the view shows the refusal and why, live.
  const refused = await run('ssh-add', [rsa2048], {
    env: { PATH: process.env.PATH, SSH_AUTH_SOCK: socket, LANG: 'C' },
  }).then(
    () => 'added',
    () => 'refused',
  );
  expect(refused).toBe('refused');
  const refusals = page.getByRole('list', { name: 'Abgelehnte Schlüssel' });
  await expect(refusals).toContainText('ssh-rsa (2048 Bit) von ssh-add');
  await expect(refusals).toContainText('IServ akzeptiert nur ED25519 oder RSA mit genau 4096 Bit');
  await page.getByRole('button', { name: 'Ausblenden' }).click();
  await expect(refusals).toHaveCount(0);

  // A Portalserver profile with no key file: the agent's key logs in.
  await createProfileAndConnect(page);
  // No passphrase is asked: the agent holds the key already.
  await expect(page.getByRole('status')).toContainText('Verbunden');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await typeInTerminal(page, 'Testschule', 'echo agent-ok');
  await expect(page.locator('.xterm-rows')).toContainText('agent-ok');
  await typeInTerminal(page, 'Testschule', 'exit');
  await expect(page.getByRole('status')).toContainText('Getrennt');

  // The agent view counts the use; then the key is removed.
  await page.getByRole('tab', { name: 'Agent', exact: true }).click();
  await expect(row.getByRole('cell').nth(6)).toHaveText('1');
  await row.getByRole('button', { name: `Schlüssel ${COMMENT} entfernen` }).click();
  await expect(page.getByText('Keine Schlüssel geladen.')).toBeVisible();
  expect(await agentFingerprints(socket)).toEqual([]);

  // The connection is kept for new tabs (no new login): end it, so Reconnect must log in again.
  await page.getByRole('tab', { name: 'Verbindungen', exact: true }).click();
  await page.getByRole('button', { name: /^Verbindung .* beenden$/ }).click();
  await expect(page.getByText('Keine Verbindungen.')).toBeVisible();

  // Reconnect: no key anywhere, and the tab says so.
  await page.getByRole('tab', { name: 'Testschule' }).click();
  await page.getByRole('button', { name: 'Neu verbinden' }).click();
  await expect(page.getByRole('status')).toContainText('Kein Schlüssel verfügbar');
  // A login that failed offers to try again.
  await expect(page.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
});

test('confirm each use: the dialog names key and destination, and Allow lets the login go on', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await firstUse(page);
  await page.getByRole('tab', { name: 'Agent', exact: true }).click();
  await page.getByLabel('Schlüsseldatei', { exact: true }).fill(ppk);
  await page.getByLabel('Vor jeder Verwendung bestätigen').check();
  await page.getByLabel('Lebensdauer in Minuten').fill('30');
  await page.getByRole('button', { name: 'Schlüssel laden' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Schlüssel laden' }).click();
  const row = page.getByRole('table', { name: 'Geladene Schlüssel' }).getByRole('row', { name: COMMENT });
  await expect(row.getByRole('cell').nth(8)).toHaveText('Ja');
  await expect(row.getByRole('cell').nth(9)).not.toHaveText('–');

  await createProfileAndConnect(page);
  const confirm = page.getByRole('dialog', { name: 'Schlüssel verwenden?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByLabel('Fingerabdruck')).toHaveText(fingerprint);
  await expect(confirm.getByLabel('Ziel')).toHaveText(`${sshd.user}@127.0.0.1:${sshd.port}`);
  await expect(confirm).toContainText('Ohne Antwort wird in');
  // Nothing was signed while the question is open.
  await expect(page.getByRole('status')).toContainText('Anmeldung an Portalserver 127.0.0.1');
  await confirm.getByRole('button', { name: 'Erlauben' }).click();
  await expect(page.getByRole('status')).toContainText('Verbunden');
  await typeInTerminal(page, 'Testschule', 'echo bestaetigt-ok');
  await expect(page.locator('.xterm-rows')).toContainText('bestaetigt-ok');
});

test('ssh-add -c: a signature for OpenSSH waits until the app asks and the user allows it', async ({
  page,
  host,
}) => {
  const key = join(keyDir, 'id_confirm');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bestaetigen@firma.de', '-f', key]);
  sshd.authorize(execFileSync('ssh-keygen', ['-y', '-f', key], { encoding: 'utf8' }));
  const socket = host.values.SSH_AUTH_SOCK!;
  const env = { PATH: process.env.PATH, SSH_AUTH_SOCK: socket, LANG: 'C' };
  await run('ssh-add', ['-c', key], { env });
  await page.goto(host.url);
  await firstUse(page);

  // OpenSSH's ssh logs in through the app's agent; its signature needs the user's yes.
  let finished = false;
  const login = run(
    'ssh',
    [...sshArgs(sshd, ['-o', `IdentityAgent=${socket}`, '-o', 'IdentitiesOnly=no']), 'echo ssh-bestaetigt'],
    { env },
  ).finally(() => (finished = true));
  const confirm = page.getByRole('dialog', { name: 'Schlüssel verwenden?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('bestaetigen@firma.de');
  await page.waitForTimeout(300);
  expect(finished).toBe(false);
  await confirm.getByRole('button', { name: 'Erlauben' }).click();
  const { stdout } = await login;
  expect(stdout.trim()).toBe('ssh-bestaetigt');
  await expect(confirm).toHaveCount(0);
});
