// Every view, checked by axe-core (WCAG 2.1 A/AA rules) in both languages:
// the e2e tests find elements by accessible names; this checks the rest.
import { violations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { firstUse } from './fixtures/ui';

test('start, keys, agent, connections, settings and the profile editor have no WCAG A/AA violations', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await firstUse(page);
  await page.getByRole('button', { name: 'Neues Profil' }).click();
  await expect(page.getByLabel('Profilname')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // The Backupserver kind adds the portal field and the preview of the target.
  await page.getByRole('radio', { name: 'Backupserver', exact: true }).check();
  await page.getByLabel('Server', { exact: true }).fill('10.0.0.2');
  await expect(page.getByLabel('Portalserver (Proxy)', { exact: true })).toBeVisible();
  expect(await violations(page), 'Backupserver editor').toEqual([]);

  for (const tab of ['Verbindungen', 'Einstellungen']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    expect(await violations(page), tab).toEqual([]);
  }

  await page.getByRole('tab', { name: 'Schlüssel' }).click();
  await page.getByRole('button', { name: 'Neuen Schlüssel erstellen' }).click();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('tab', { name: 'Agent', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'SSH-Agent' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByLabel('Sprache').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await violations(page)).toEqual([]);

  // The dark scheme (the system's setting) has its own colours: contrast checked too.
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const tab of ['Start', 'Keys', 'Agent', 'Connections', 'Settings']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    expect(await violations(page), tab).toEqual([]);
  }
});
