// The headless host in Debian's Chromium: the start view by its accessible
// names, the token kept by the tab (never a cookie), and the guard that keeps
// other pages and hosts out.
import { removeDir, startHost } from './fixtures/host';
import { expect, test } from './fixtures/test';

test('shows the start view in German by default', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toBeVisible();
  await expect(page.getByLabel('Firmenkürzel')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Speichern' })).toBeVisible();
});

test('keeps the token in the tab, not in the address bar or a cookie; a reload connects again', async ({
  page,
  host,
}) => {
  const cookies: string[] = [];
  page.on('response', (response) => {
    const set = response.headers()['set-cookie'];
    if (set !== undefined) cookies.push(response.url());
  });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toBeVisible();
  // Out of the address bar and the history entry, not in a cookie.
  expect(page.url()).toBe(`${host.origin}/`);
  expect(await page.evaluate<string>('document.cookie')).toBe('');
  expect(await page.context().cookies()).toEqual([]);

  // A reload finds the token in sessionStorage and reaches the backend (the view needs its answers).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toBeVisible();
  await expect(page.getByLabel('Firmenkürzel')).toBeVisible();
  expect(page.url()).toBe(`${host.origin}/`);
  expect(cookies).toEqual([]);

  // A new tab has no token: the page loads (public code) but the bridge stays shut.
  const other = await page.context().newPage();
  await other.goto(`${host.origin}/`);
  await other.waitForTimeout(1000);
  await expect(other.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toHaveCount(0);
  await other.close();
});

test('refuses requests from a foreign Host or Origin', async ({ request, host }) => {
  const page = await request.get(`${host.origin}/`, { maxRedirects: 0 });
  expect(page.status()).toBe(200);
  expect(page.headers()['set-cookie']).toBeUndefined();
  const port = new URL(host.url).port;
  const rebound = await request.get(host.url, {
    headers: { Host: `attacker.example:${port}` },
    maxRedirects: 0,
  });
  expect(rebound.status()).toBe(403);
  const foreign = await request.get(host.url, {
    headers: { Origin: 'http://attacker.example' },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
});

test('closes a socket of the page that does not send the token first', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toBeVisible();
  // The page's own script opens a second bridge: silent, or with a wrong token.
  const closes = await page.evaluate(async (port) => {
    const tryOne = (url: string, first?: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        let heard = 0;
        ws.onopen = () => first !== undefined && ws.send(first);
        ws.onmessage = () => heard++;
        ws.onclose = (e) => resolve(`${e.code}/${heard}`);
      });
    return Promise.all([
      tryOne(`ws://127.0.0.1:${port}/bridge`),
      tryOne(`ws://127.0.0.1:${port}/bridge`, JSON.stringify({ t: 'token', token: '0'.repeat(64) })),
    ]);
  }, new URL(host.url).port);
  // 1008: closed by the host for want of the token, having sent nothing.
  expect(closes).toEqual(['1008/0', '1008/0']);
});

test('prints only KEY=value lines on stdout and stops cleanly on SIGTERM', async () => {
  const other = await startHost();
  try {
    expect(other.values.FERNWARTUNG_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
  } finally {
    expect(await other.stop()).toBe(0);
    removeDir(other.dataDir);
  }
  for (const line of other.stdout().trim().split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9_]*=\S*$/);
});
