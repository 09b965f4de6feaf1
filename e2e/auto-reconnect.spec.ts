// Automatic reconnect as a technician sees it: a Portalserver profile with
// "Automatisch neu verbinden" open in two tabs on one kept connection. When
// that connection ends (in the Verbindungen view, or dropped by the server)
// both tabs say Getrennt and wait without logging in; a manual "Neu
// verbinden" in the second tab logs in again, and the first tab reconnects by
// itself over that new connection.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { firstUse, typeInTerminal, unlockAndAcceptHostKey } from './fixtures/ui';
import { useServerWithKey } from './fixtures/keys';

const PASSPHRASE = 'ein-langer-test-satz-fuer-den-neustart';
const WAITING = 'Verbindet automatisch, sobald eine bestehende Verbindung verfügbar ist';
/** session.notKept's text: the answer of each automatic try, never shown. */
const NOT_KEPT = 'Keine bestehende Verbindung zum Wiederverwenden';

const server = useServerWithKey(PASSPHRASE);

/** The status line of session tab `index` (0-based), after selecting it; hidden tabs' lines are not found. */
async function statusOfTab(page: Page, index: number) {
  await page.getByRole('tab', { name: 'Testschule' }).nth(index).click();
  return page.getByRole('status');
}

/** First use, the profile with autoReconnect, and two tabs on one kept connection. */
async function twoTabsOnOneConnection(page: Page) {
  await firstUse(page);
  await page.getByRole('button', { name: 'Neues Profil' }).click();
  await page.getByLabel('Profilname').fill('Testschule');
  await page.getByLabel('Server', { exact: true }).fill('127.0.0.1');
  await page.getByLabel('Port', { exact: true }).fill(String(server.sshd.port));
  await page.getByLabel('Benutzername', { exact: true }).fill(server.sshd.user);
  await page.getByLabel('Schlüsseldatei (optional)').fill(server.key.file);
  await page.getByLabel('Automatisch neu verbinden (nur über eine bestehende Verbindung)').check();
  await page.getByRole('button', { name: 'Speichern' }).click();

  // Tab 1 logs in: the key's passphrase and the host key.
  const profile = page.getByRole('listitem', { name: 'Testschule' });
  await profile.getByRole('button', { name: 'Verbinden' }).click();
  await unlockAndAcceptHostKey(page, PASSPHRASE);
  await expect(page.getByRole('status')).toContainText('Verbunden');

  // Tab 2 runs on the same kept connection.
  await page.getByRole('tab', { name: 'Start' }).click();
  await profile.getByRole('button', { name: 'Verbinden' }).click();
  await expect(page.getByRole('status')).toContainText('(Verbindung wiederverwendet)');
}

async function expectBothWaiting(page: Page, reason?: string) {
  for (const index of [0, 1]) {
    const status = await statusOfTab(page, index);
    await expect(status).toContainText(reason ? `Getrennt: ${reason}` : 'Getrennt');
    await expect(status).toContainText(WAITING);
    await expect(status).not.toContainText(NOT_KEPT);
    await expect(status.getByRole('button', { name: 'Neu verbinden' })).toBeVisible();
  }
  // Waiting logs in nowhere.
  await page.getByRole('tab', { name: 'Verbindungen', exact: true }).click();
  await expect(page.getByText('Keine Verbindungen.')).toBeVisible();
}

/** Neu verbinden in tab 2 logs in again (key in the agent, host key known); tab 1 comes back by itself. */
async function expectFirstBackAfterSecondReconnects(page: Page) {
  const second = await statusOfTab(page, 1);
  await second.getByRole('button', { name: 'Neu verbinden' }).click();
  await expect(second).toContainText('Verbunden seit');
  await expect(second).not.toContainText('(Verbindung wiederverwendet)');

  const first = await statusOfTab(page, 0);
  await expect(first).toContainText('Verbunden seit');
  await expect(first).toContainText('(Verbindung wiederverwendet)');
  await expect(first).not.toContainText(WAITING);
  await typeInTerminal(page, 'Testschule', 'echo wieder-da');
  await expect(page.locator('.terminal-tab:not([hidden]) .xterm-rows')).toContainText('wieder-da');

  // One connection for both tabs.
  await page.getByRole('tab', { name: 'Verbindungen', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Verbindung .* beenden$/ })).toHaveCount(1);
}

/** Every process under the sshd listener: the server side of each connection. */
function sshdSessionProcesses(): number[] {
  const listener = Number(readFileSync(join(server.sshd.dir, 'sshd.pid'), 'utf8').trim());
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  for (let parents = [listener]; parents.length > 0;) {
    parents = table.filter(([, ppid]) => parents.includes(ppid)).map(([pid]) => pid);
    found.push(...parents);
  }
  return found;
}

test('ended in the Verbindungen view: both tabs wait, and one comes back when the other logs in', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await twoTabsOnOneConnection(page);

  // The connection is in use: the app asks first.
  await page.getByRole('tab', { name: 'Verbindungen', exact: true }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: /^Verbindung .* beenden$/ }).click();
  await expect(page.getByText('Keine Verbindungen.')).toBeVisible();

  await expectBothWaiting(page);
  await expectFirstBackAfterSecondReconnects(page);
});

test('dropped by the server: both tabs keep the reason while their automatic tries find nothing', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await twoTabsOnOneConnection(page);

  // The server's side of the connection dies: a drop, not an `exit`.
  const processes = sshdSessionProcesses();
  expect(processes.length).toBeGreaterThan(0);
  for (const pid of processes) process.kill(pid, 'SIGKILL');

  await expectBothWaiting(
    page,
    `Die Verbindung zu 127.0.0.1 (Port ${server.sshd.port}) wurde unerwartet getrennt.`,
  );
  await expectFirstBackAfterSecondReconnects(page);
});
