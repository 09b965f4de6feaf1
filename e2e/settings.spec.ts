// The settings view as a technician uses it: the terminal's font size and
// colours changed and seen in an open terminal at once, session logging
// switched on and the log file found in the chosen folder after a session,
// without a password typed at an echo-off prompt (`read -s`);
// and the page's icon loaded without any console error.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { removeDir } from './fixtures/host';
import { useServerWithKey } from './fixtures/keys';
import { expect, test } from './fixtures/test';
import { firstUse, firstUseWithProfile, typeInTerminal } from './fixtures/ui';

const server = useServerWithKey('');
const SECRET = 'Pferd-Batterie-4711';
let logDir: string;

test.beforeAll(() => {
  logDir = mkdtempSync(join(tmpdir(), 'fw-e2e-logs-'));
});
test.afterAll(() => removeDir(logDir));

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function save(page: Page, name: string): Promise<void> {
  const part = section(page, name);
  await part.getByRole('button', { name: 'Speichern' }).click();
  await expect(part.getByRole('status')).toHaveText('Gespeichert.');
}

/** What the shown terminal's text is drawn with: font size and background. */
function terminalLook(page: Page) {
  return page.locator('.terminal-tab:not([hidden]) .xterm').evaluate((xterm) => {
    const rows = xterm.querySelector('.xterm-rows') ?? xterm.querySelector('.xterm-screen')!;
    // xterm.js paints the theme's background on its scrollable element (6.x), the viewport before.
    const viewport =
      xterm.querySelector('.xterm-scrollable-element') ?? xterm.querySelector('.xterm-viewport')!;
    // The page's window, reached from the element: this file is checked without the DOM's globals.
    const view = xterm.ownerDocument.defaultView!;
    return {
      fontSize: view.getComputedStyle(rows).fontSize,
      background: view.getComputedStyle(viewport).backgroundColor,
    };
  });
}

test('terminal settings reach an open terminal, and a session log appears in the chosen folder', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await firstUseWithProfile(page, server);

  await page.getByRole('tab', { name: 'Einstellungen', exact: true }).click();
  const logging = section(page, 'Sitzungsprotokolle');
  await logging.getByLabel('Protokollieren').selectOption('printable');
  await logging.getByLabel('Ordner').fill(logDir);
  await logging.getByLabel('Dateiname').fill('&N-&H-&P.log');
  await expect(logging.getByText(`Beispiel: Meine Schule-meine-schule.de-22.log`)).toBeVisible();
  await save(page, 'Sitzungsprotokolle');
  const terminal = section(page, 'Terminal');
  await terminal.getByLabel('Schriftgröße in Pixel').fill('21');
  await terminal.getByLabel('Farben').selectOption('light');
  await save(page, 'Terminal');

  await page.getByRole('tab', { name: 'Start', exact: true }).click();
  await page.getByRole('listitem', { name: 'Testschule' }).getByRole('button', { name: 'Verbinden' }).click();
  const hostKey = page.getByRole('dialog', { name: 'Unbekannter Server' });
  await hostKey.getByRole('button', { name: 'Akzeptieren und merken' }).click();
  await expect(page.getByRole('status')).toContainText('Verbunden');
  await typeInTerminal(page, 'Testschule', 'echo "proto""koll-zeile"');
  await expect(page.locator('.terminal-tab:not([hidden]) .xterm-rows')).toContainText('protokoll-zeile');
  expect(await terminalLook(page)).toEqual({ fontSize: '21px', background: 'rgb(255, 255, 255)' });
  // A password typed at an echo-off prompt: the shell gets it (its length
  // comes back), neither the screen nor the log shows it.
  await typeInTerminal(page, 'Testschule', 'read -s X');
  // read -s turns the echo off only once it runs.
  await page.waitForTimeout(300);
  await typeInTerminal(page, 'Testschule', SECRET);
  await typeInTerminal(page, 'Testschule', 'echo "len=${#X}" "ge""lesen"');
  await expect(page.locator('.terminal-tab:not([hidden]) .xterm-rows')).toContainText(
    `len=${SECRET.length} gelesen`,
  );
  await expect(page.locator('.terminal-tab:not([hidden]) .xterm-rows')).not.toContainText(SECRET);

  // Changed while the tab is open: the terminal follows without a new session.
  await page.getByRole('tab', { name: 'Einstellungen', exact: true }).click();
  await terminal.getByLabel('Schriftgröße in Pixel').fill('12');
  await terminal.getByLabel('Farben').selectOption('dark');
  await save(page, 'Terminal');
  await page
    .getByRole('tab', { name: /Testschule/ })
    .first()
    .click();
  await expect.poll(() => terminalLook(page)).toEqual({ fontSize: '12px', background: 'rgb(30, 30, 30)' });
  await expect(page.locator('.terminal-tab:not([hidden]) .xterm-rows')).toContainText('protokoll-zeile');

  // The log: named by the pattern, in the folder, with the printable output.
  const name = `Testschule-127.0.0.1-${server.sshd.port}.log`;
  await expect.poll(() => readdirSync(logDir)).toEqual([name]);
  await expect
    .poll(() => readFileSync(join(logDir, name), 'utf8'))
    // Carriage returns as the pty sent them (bash ends bracketed paste with one), as PuTTY logs them.
    .toMatch(/echo "proto""koll-zeile"\r\n\r*protokoll-zeile\r\n/);
  await expect.poll(() => readFileSync(join(logDir, name), 'utf8')).toContain(`len=${SECRET.length} gelesen`);
  const log = readFileSync(join(logDir, name), 'utf8');
  expect(log).not.toContain('\x1b');
  expect(log).toContain('read -s X');
  expect(log).not.toContain(SECRET);
});

test('the page loads its icon, and no console error appears', async ({ page, host }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  const icon = page.waitForResponse((response) => /\/assets\/icon-[\w-]+\.svg$/.test(response.url()));
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toBeVisible();
  const response = await icon;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/svg+xml');
  expect(await response.text()).toContain('<svg');
  // The settings view too, in both languages.
  await firstUse(page);
  await page.getByRole('tab', { name: 'Einstellungen', exact: true }).click();
  await section(page, 'Sprache').getByLabel('Sprache der Oberfläche').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Session logs' })).toBeVisible();
  await section(page, 'Language').getByLabel('Language of the interface').selectOption('de');
  await expect(page.getByRole('heading', { name: 'Sitzungsprotokolle' })).toBeVisible();
  expect(errors).toEqual([]);
  expect(failed).toEqual([]);
});
