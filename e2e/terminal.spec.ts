// The terminal as a technician coming from PuTTY uses it, in the headless
// host against the test sshd: two tabs on one kept connection; selecting
// copies and the right button pastes into the other tab; a paste of several
// lines asks first and Abbrechen pastes nothing; Ctrl+Shift+F finds a word far
// up in the scrollback. Headless Chromium has only software WebGL, so the
// terminal says it draws with the DOM.
import type { Locator, Page } from '@playwright/test';
import { violations } from './fixtures/axe';
import { useServerWithKey } from './fixtures/keys';
import { expect, test } from './fixtures/test';
import { firstUseWithProfile, outputRow, terminalRegion, unlockAndAcceptHostKey } from './fixtures/ui';

/** The page's clipboard, typed here: the e2e files are checked without the DOM's types. */
type PageClipboard = {
  navigator: { clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } };
};

const PASSPHRASE = 'ein-langer-test-satz-fuer-das-terminal';

const server = useServerWithKey(PASSPHRASE);

const terminal = (page: Page) => terminalRegion(page, 'Testschule');
const row = (page: Page, text: string) => outputRow(page, 'Testschule', text);

async function run(page: Page, command: string) {
  await terminal(page).click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

async function selectTab(page: Page, index: number) {
  await page
    .getByRole('tab', { name: /Testschule/ })
    .nth(index)
    .click();
  await expect(page.getByRole('status')).toContainText('Verbunden');
}

/** Drags the mouse over the text of `line`, as a person selects it. */
async function dragOver(page: Page, line: Locator) {
  const box = await line.evaluate((element) => {
    const range = element.ownerDocument.createRange();
    range.selectNodeContents(element);
    const rect = [...range.getClientRects()].find((r) => r.width > 0)!;
    return { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(box.left + 1, box.y);
  await page.mouse.down();
  await page.mouse.move(box.right + 2, box.y, { steps: 8 });
  await page.mouse.up();
}

test('copy on select, paste on right click, the multi-line paste warning, search and the renderer', async ({
  page,
  host,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await page.goto(host.url);
  await firstUseWithProfile(page, server);
  const profile = page.getByRole('listitem', { name: 'Testschule' });
  await profile.getByRole('button', { name: 'Verbinden' }).click();
  await unlockAndAcceptHostKey(page, PASSPHRASE);
  await expect(page.getByRole('status')).toContainText('Verbunden');

  // Software WebGL only (no GPU): the DOM renderer, and the terminal says why.
  await expect(terminal(page)).toHaveAttribute('data-renderer', 'dom');
  await expect(terminal(page)).toHaveAttribute('data-renderer-reason', 'noGpu');

  // A second tab on the same kept connection.
  await page.getByRole('tab', { name: 'Start' }).click();
  await profile.getByRole('button', { name: 'Verbinden' }).click();
  await expect(page.getByRole('status')).toContainText('(Verbindung wiederverwendet)');

  // Tab 1: select the output with the mouse; it is on the clipboard at once.
  await selectTab(page, 0);
  await run(page, 'printf "kopier-%s\\n" mich-4711');
  await expect(row(page, 'kopier-mich-4711')).toHaveCount(1);
  await dragOver(page, row(page, 'kopier-mich-4711'));
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as PageClipboard).navigator.clipboard.readText()))
    .toBe('kopier-mich-4711');

  // Tab 2: the right button pastes it at the prompt.
  await selectTab(page, 1);
  await terminal(page).click();
  await page.keyboard.type('echo ');
  await terminal(page).click({ button: 'right' });
  // The clipboard is read asynchronously: Enter only once the text stands at the prompt.
  await expect(terminal(page).locator('.xterm-rows')).toContainText('echo kopier-mich-4711');
  await page.keyboard.press('Enter');
  await expect(row(page, 'kopier-mich-4711')).toHaveCount(1);

  // Several lines: asked first, with the first lines shown; Abbrechen pastes nothing.
  await page.evaluate(() =>
    (globalThis as unknown as PageClipboard).navigator.clipboard.writeText(
      'echo erste-zeile\necho zweite-zeile\n',
    ),
  );
  await terminal(page).click({ button: 'right' });
  const warning = page.getByRole('dialog', { name: 'Mehrere Zeilen einfügen?' });
  await expect(warning).toContainText('Der Text hat 2 Zeilen.');
  await expect(warning.getByLabel('Die ersten Zeilen des Textes')).toHaveText(
    'echo erste-zeile\necho zweite-zeile',
  );
  await expect(warning.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  expect(await violations(page)).toEqual([]);
  await warning.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(warning).toHaveCount(0);
  // The keyboard is back in the terminal, and nothing reached the shell.
  await page.keyboard.type('echo nichts-eingefuegt');
  await page.keyboard.press('Enter');
  await expect(row(page, 'nichts-eingefuegt')).toHaveCount(1);
  await expect(terminal(page).locator('.xterm-rows')).not.toContainText('erste-zeile');
  // Einfügen pastes both lines (bash holds a bracketed paste until Enter).
  await terminal(page).click({ button: 'right' });
  await warning.getByRole('button', { name: 'Einfügen' }).click();
  await expect(terminal(page).locator('.xterm-rows')).toContainText('echo zweite-zeile');
  await page.keyboard.press('Enter');
  await expect(row(page, 'erste-zeile')).toHaveCount(1);
  await expect(row(page, 'zweite-zeile')).toHaveCount(1);

  // Search: a word printed before 500 numbered lines is far up in the scrollback.
  await run(page, 'printf "such%s\\n" wort-oben; seq -f "zeile %g" 1 500');
  await expect(row(page, 'zeile 500')).toHaveCount(1);
  await expect(row(page, 'suchwort-oben')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+F');
  const search = page.getByRole('search', { name: 'Suche im Verlauf' });
  await expect(search.getByLabel('Im Verlauf suchen')).toBeFocused();
  await page.keyboard.type('suchwort-oben');
  await expect(search.getByRole('status')).toHaveText('Treffer 1 von 1');
  expect(await violations(page)).toEqual([]);
  // The viewport scrolled up to it.
  await expect(row(page, 'suchwort-oben')).toHaveCount(1);
  await expect(row(page, 'zeile 500')).toHaveCount(0);
  await search.getByLabel('Im Verlauf suchen').fill('gibt-es-nicht');
  await expect(search.getByRole('status')).toHaveText('Keine Treffer');
  // Escape closes it and gives the keyboard back to the terminal.
  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);
  await expect(terminal(page).locator('textarea')).toBeFocused();
});
