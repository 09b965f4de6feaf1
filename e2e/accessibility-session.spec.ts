// Accessibility with a live session (a terminal tab to the test sshd): every
// main view walked in German and in English, each control of Chromium's
// accessibility tree named, axe-core over the views (English with the dark
// scheme); and the keyboard back in the terminal after the login's dialogs
// and after the question before closing is dismissed; screen reader mode
// switched on in the settings reaching the open terminal.
import type { Page } from '@playwright/test';
import { unnamedControls, violations } from './fixtures/axe';
import { useServerWithKey } from './fixtures/keys';
import { expect, test } from './fixtures/test';
import { firstUseWithProfile, typeInTerminal } from './fixtures/ui';
import { walkViews } from './fixtures/views';

const PASSPHRASE = 'barrierefrei-mit-sitzung-2024';
const server = useServerWithKey(PASSPHRASE);

/** Whether the keyboard is in the shown session's terminal (xterm.js's input inside its element). */
const focusInTerminal = (page: Page) =>
  page
    .locator('body')
    .evaluate(
      (body) => body.ownerDocument.activeElement?.closest('.terminal-tab:not([hidden]) .xterm') != null,
    );

test('with a live session: every main view in both languages without violations and every control named; the keyboard back in the terminal after the login and close dialogs', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await firstUseWithProfile(page, server);
  await page.getByRole('listitem', { name: 'Testschule' }).getByRole('button', { name: 'Verbinden' }).click();
  const unlock = page.getByRole('dialog', { name: 'Passphrase eingeben' });
  await expect(unlock.getByLabel('Passphrase')).toBeFocused();
  expect(await violations(page), 'passphrase dialog').toEqual([]);
  await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  const hostKey = page.getByRole('dialog', { name: 'Unbekannter Server' });
  expect(await violations(page), 'host key dialog').toEqual([]);
  await hostKey.getByRole('button', { name: 'Akzeptieren und merken' }).click();
  await expect(page.getByRole('status')).toContainText('Verbunden');
  // After the login's dialogs, typing goes to the terminal.
  await expect.poll(() => focusInTerminal(page), 'after the login dialogs').toBe(true);

  // The question before closing a live tab, dismissed by Escape and by Abbrechen.
  const ask = page.getByRole('dialog', { name: 'Sitzung schließen?' });
  await page.keyboard.press('Control+Shift+W');
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect.poll(() => focusInTerminal(page), 'after Escape').toBe(true);
  await page.keyboard.press('Control+Shift+W');
  await ask.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(ask).toHaveCount(0);
  await expect.poll(() => focusInTerminal(page), 'after Abbrechen').toBe(true);

  // Screen reader mode switched on in the settings: the open terminal gains xterm.js's list of rows.
  await page.getByRole('tab', { name: 'Einstellungen', exact: true }).click();
  const terminalSettings = page.getByRole('region', { name: 'Terminal', exact: true });
  await terminalSettings.getByLabel('Modus für Bildschirmleser').check();
  await terminalSettings.getByRole('button', { name: 'Speichern' }).click();
  await expect(terminalSettings.getByRole('status')).toHaveText('Gespeichert.');
  await page.locator('#session-tab-1').click();
  await typeInTerminal(page, 'Testschule', 'echo vorlese-""probe');
  await expect(
    page.locator('.terminal-tab:not([hidden]) .xterm-accessibility-tree[role="list"]'),
  ).toContainText('vorlese-probe');
  expect(await violations(page), 'screen reader mode').toEqual([]);

  // Every control named in both languages. axe (about a second a view) over all views in
  // English and the dark scheme (the system's setting; its own colours, so contrast is checked
  // too), and in German, the light scheme, over the export view and the settings with an error said.
  const found: string[] = [];
  const check = (axe: (view: string) => boolean) => async (view: string) => {
    if (axe(view)) for (const line of await violations(page)) found.push(`${view}: ${line}`);
    for (const line of await unnamedControls(page)) found.push(`${view}: unnamed ${line}`);
  };
  await walkViews(
    page,
    'de',
    'Testschule',
    check((view) => /^(start: export|settings: a wrong)/.test(view)),
  );
  await page.getByLabel('Sprache', { exact: true }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.emulateMedia({ colorScheme: 'dark' });
  await walkViews(
    page,
    'en',
    'Testschule',
    // The search bar and the close question: checked by axe in terminal.spec.ts and tabs.spec.ts.
    check((view) => !/^session tab: /.test(view)),
  );
  expect(found).toEqual([]);
});
