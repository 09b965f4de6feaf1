// A settings change made elsewhere shows in an open settings view: in the
// desktop app the tray's start-at-login checkbox changes the setting in main;
// here a second browser tab on the same host stands in for it
// (`settings.changed`).
import { expect, test } from './fixtures/test';
import { firstUse } from './fixtures/ui';

test('the start settings follow a change made in another window', async ({ page, host }) => {
  await page.goto(host.url);
  await firstUse(page);
  await page.getByRole('tab', { name: 'Einstellungen', exact: true }).click();
  const start = page.getByRole('region', { name: 'Programmstart', exact: true });
  const atLogin = start.getByRole('checkbox', { name: 'Mit der Anmeldung am Computer starten' });
  await expect(atLogin).not.toBeChecked();
  // The browser cannot start with the computer, and says so.
  await expect(start.getByText('im Browser hat es keine Wirkung')).toBeVisible();

  const other = await page.context().newPage();
  await other.goto(host.url);
  await other.getByRole('tab', { name: 'Einstellungen', exact: true }).click();
  const otherStart = other.getByRole('region', { name: 'Programmstart', exact: true });
  await otherStart.getByRole('checkbox', { name: 'Mit der Anmeldung am Computer starten' }).check();
  await otherStart.getByRole('button', { name: 'Speichern' }).click();
  await expect(otherStart.getByRole('status')).toHaveText('Gespeichert.');

  await expect(atLogin).toBeChecked();
  await other.close();
});
