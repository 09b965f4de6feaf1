// Tabs as a technician used to PuTTY handles them: three tabs to the test
// sshd (one login, the others over the kept connection), one renamed in
// place, one duplicated without a new login, the order changed by keyboard
// and by dragging, a live tab closed only after the question, and Ctrl+W
// reaching bash (it deletes a word) while the tab stays open.
import type { Locator, Page } from '@playwright/test';
import { violations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { firstUseWithProfile, unlockAndAcceptHostKey } from './fixtures/ui';
import { useServerWithKey } from './fixtures/keys';

const PASSPHRASE = 'ein-langer-test-satz-fuer-die-tabs';

const server = useServerWithKey(PASSPHRASE);

/** The session tabs' ids (`session-tab-<n>`) in the strip's order. */
const order = (page: Page) =>
  page
    .locator('.tabs .tab [role="tab"]')
    .evaluateAll((tabs) => tabs.map((tab) => Number(tab.id.split('-')[2])));
const sessionTab = (page: Page, id: number) => page.locator(`#session-tab-${id}`);
const status = (page: Page) => page.getByRole('status');
const shownTerminal = (page: Page) => page.locator('.terminal-tab:not([hidden]) .xterm-rows');

async function connectFromStart(page: Page): Promise<void> {
  await page.getByRole('listitem', { name: 'Testschule' }).getByRole('button', { name: 'Verbinden' }).click();
}

async function expectSelected(tab: Locator): Promise<void> {
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

test('three tabs: rename, duplicate without a new login, reorder, Ctrl+W for the shell, close after asking', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await firstUseWithProfile(page, server);

  // Tab 1 logs in: the key's passphrase and the host key, once.
  await connectFromStart(page);
  await unlockAndAcceptHostKey(page, PASSPHRASE);
  await expect(status(page)).toContainText('Verbunden');
  await expect(sessionTab(page, 1)).toHaveAccessibleDescription(/^Verbunden\. Strg\+Umschalt\+Bild↑/);

  // Tab 2 from the Start view; tab 3 by Ctrl+Shift+T, which opens Start with the search ready.
  await page.getByRole('tab', { name: 'Start', exact: true }).click();
  await connectFromStart(page);
  await expect(status(page)).toContainText('(Verbindung wiederverwendet)');
  await page.keyboard.press('Control+Shift+T');
  await expectSelected(page.getByRole('tab', { name: 'Start', exact: true }));
  await expect(page.getByLabel('Profile durchsuchen')).toBeFocused();
  await connectFromStart(page);
  await expect(status(page)).toContainText('(Verbindung wiederverwendet)');
  expect(await order(page)).toEqual([1, 2, 3]);
  expect(await violations(page), 'three tabs').toEqual([]);

  // Rename tab 2 by F2: Enter keeps the name; tab 3 by a double click: Escape drops it.
  await sessionTab(page, 2).focus();
  await page.keyboard.press('F2');
  const rename = page.getByLabel('Neuer Name für Tab Testschule');
  await expect(rename).toBeFocused();
  await rename.fill('Zweite Schule');
  await page.keyboard.press('Enter');
  await expect(sessionTab(page, 2)).toHaveAccessibleName(`Zweite Schule ${server.sshd.user}`);
  await expect(sessionTab(page, 2)).toBeFocused();
  await expect(
    page.getByRole('region', { name: 'Terminal Zweite Schule', includeHidden: true }),
  ).toBeAttached();
  await sessionTab(page, 3).dblclick();
  await rename.fill('verworfen');
  await page.keyboard.press('Escape');
  await expect(sessionTab(page, 3)).toHaveAccessibleName(`Testschule ${server.sshd.user}`);
  // The menu by keyboard: Shift+F10 on the tab, Escape gives the focus back.
  await page.keyboard.press('Shift+F10');
  await expect(
    page.getByRole('menu', { name: 'Tab Testschule' }).getByRole('menuitem').first(),
  ).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(sessionTab(page, 3)).toBeFocused();

  // Duplicate tab 2 from its menu: beside it, under the profile's name, over the kept connection.
  await sessionTab(page, 2).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Tab Zweite Schule' });
  await expect(menu.getByRole('menuitem', { name: 'Umbenennen' })).toBeFocused();
  expect(await violations(page), 'tab menu').toEqual([]);
  await menu.getByRole('menuitem', { name: 'Duplizieren' }).click();
  await expectSelected(sessionTab(page, 4));
  await expect(sessionTab(page, 4)).toHaveAccessibleName(`Testschule ${server.sshd.user}`);
  await expect(status(page)).toContainText('(Verbindung wiederverwendet)');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await order(page)).toEqual([1, 2, 4, 3]);
  await page.getByRole('tab', { name: 'Verbindungen', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Verbindung .* beenden$/ })).toHaveCount(1);

  // Alt+1 goes to the first session tab, Ctrl+PgDn to the next; Ctrl+Shift+PgDn/PgUp move the selected one.
  await page.keyboard.press('Alt+1');
  await expectSelected(sessionTab(page, 1));
  await page.keyboard.press('Control+PageDown');
  await expectSelected(sessionTab(page, 2));
  await page.keyboard.press('Control+Shift+PageDown');
  expect(await order(page)).toEqual([1, 4, 2, 3]);
  await page.keyboard.press('Control+Shift+PageUp');
  await page.keyboard.press('Control+Shift+PageUp');
  expect(await order(page)).toEqual([2, 1, 4, 3]);
  await expectSelected(sessionTab(page, 2));

  // Dragged: the last tab dropped on the left half of the first lands before it.
  await sessionTab(page, 3).dragTo(sessionTab(page, 2), { targetPosition: { x: 3, y: 5 } });
  await expect.poll(() => order(page)).toEqual([3, 2, 1, 4]);

  // Ctrl+W in the terminal is bash's "delete the word before", and the tab stays open.
  await page.keyboard.press('Alt+1');
  await expectSelected(sessionTab(page, 3));
  // Hidden tabs' terminals are not found by role: this is the selected one.
  await page.getByRole('region', { name: 'Terminal Testschule' }).click();
  await page.keyboard.type('echo eins zwei');
  await page.keyboard.press('Control+w');
  // Upper case, so the output is told apart from the command line.
  await page.keyboard.type('drei | tr a-z A-Z');
  await page.keyboard.press('Enter');
  await expect(shownTerminal(page)).toContainText('EINS DREI');
  await expect(shownTerminal(page)).not.toContainText('ZWEI');
  expect(await order(page)).toEqual([3, 2, 1, 4]);

  // Closing a live tab asks: Ctrl+Shift+W on the selected one, Abbrechen keeps it; a
  // background tab's close button, Escape keeps it, "Trennen und schließen" closes it.
  await page.keyboard.press('Control+Shift+W');
  const ask = page.getByRole('dialog', { name: 'Sitzung schließen?' });
  await expect(ask).toContainText('Die Sitzung „Testschule“ ist noch verbunden.');
  await expect(ask.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  expect(await violations(page), 'close dialog').toEqual([]);
  await ask.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(ask).toHaveCount(0);
  expect(await order(page)).toEqual([3, 2, 1, 4]);
  await page.getByRole('button', { name: 'Tab Zweite Schule schließen' }).click();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  expect(await order(page)).toEqual([3, 2, 1, 4]);
  await page.getByRole('button', { name: 'Tab Zweite Schule schließen' }).click();
  await ask.getByRole('button', { name: 'Trennen und schließen' }).click();
  await expect.poll(() => order(page)).toEqual([3, 1, 4]);
  await expectSelected(sessionTab(page, 3));
});
