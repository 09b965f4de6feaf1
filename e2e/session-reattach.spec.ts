// A session outlives the page that showed it (issue 13, "Renderer crash or
// reload"): reloading the headless host's page brings its tab back, attached,
// and the shell still answers; a closed browser tab leaves its session waiting
// for the grace time (a tab opened meanwhile takes it over), after which it
// is closed and only its connection is kept.
import type { Page } from '@playwright/test';
import { useServerWithKey } from './fixtures/keys';
import { removeDir, startHost } from './fixtures/host';
import { expect, test } from './fixtures/test';
import {
  firstUseWithProfile,
  outputRow,
  terminalRegion,
  typeInTerminal,
  unlockAndAcceptHostKey,
} from './fixtures/ui';

const PASSPHRASE = 'ein-langer-test-satz-fuer-das-neuladen';
/** The host's grace time in the tab test: long enough to open a tab again, short enough to wait out. */
const GRACE_MS = 4000;

const server = useServerWithKey(PASSPHRASE);

const terminal = (page: Page) => terminalRegion(page, 'Testschule');
const row = (page: Page, text: string) => outputRow(page, 'Testschule', text);
const sessionTabs = (page: Page) => page.getByRole('tab', { name: /^Testschule/ });

async function connect(page: Page): Promise<void> {
  await firstUseWithProfile(page, server);
  await page.getByRole('listitem', { name: 'Testschule' }).getByRole('button', { name: 'Verbinden' }).click();
  await unlockAndAcceptHostKey(page, PASSPHRASE);
  await expect(page.getByRole('status')).toContainText('Verbunden');
}

/** The session came back in its tab: connected, with the note, and the shell answers. */
async function expectReattached(page: Page, answer: string): Promise<void> {
  await expect(sessionTabs(page)).toHaveCount(1);
  await sessionTabs(page).click();
  await expect(page.getByRole('status')).toContainText('Verbunden');
  await expect(terminal(page)).toContainText('Sitzung wieder verbunden');
  await typeInTerminal(page, 'Testschule', `echo ${answer}-$((6*7))`);
  await expect(row(page, `${answer}-42`)).toBeVisible();
}

test('a reloaded page shows its session again and the shell answers', async ({ page, host }) => {
  await page.goto(host.url);
  await connect(page);
  await typeInTerminal(page, 'Testschule', 'echo vorher-$((6*7))');
  await expect(row(page, 'vorher-42')).toBeVisible();

  await page.reload();
  await expectReattached(page, 'nachher');
  // One session, not a new login: the connection is the one from before, in use.
  await page.getByRole('tab', { name: 'Verbindungen', exact: true }).click();
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('listitem')).toContainText('in Gebrauch');
});

test('a closed browser tab: its session waits for the grace time, then it is closed and its connection kept', async ({
  browser,
}) => {
  const host = await startHost({ args: ['--session-grace-ms', String(GRACE_MS)] });
  const context = await browser.newContext();
  try {
    let page = await context.newPage();
    await page.goto(host.url);
    await connect(page);

    // Closed and opened again within the grace time: the new tab takes the session over.
    await page.close();
    page = await context.newPage();
    await page.goto(host.url);
    await expectReattached(page, 'wieder');

    // Closed for longer than the grace time: the session is gone, the connection stays for reuse.
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 1500));
    page = await context.newPage();
    await page.goto(host.url);
    await expect(page.getByRole('tab', { name: 'Start', exact: true })).toBeVisible();
    await page.getByRole('tab', { name: 'Verbindungen', exact: true }).click();
    await expect(page.getByRole('listitem')).toContainText('wiederverwendbar bis');
    await expect(sessionTabs(page)).toHaveCount(0);
  } finally {
    await context.close();
    await host.stop();
    removeDir(host.dataDir);
  }
});
