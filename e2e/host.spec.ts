// The headless host in Debian's Chromium: the start view by its accessible
// names, and the guard that keeps other pages and hosts out.
import { removeDir, startHost } from './fixtures/host';
import { expect, test } from './fixtures/test';

test('shows the start view in German by default', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toBeVisible();
  await expect(page.getByLabel('Firmenkürzel')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Speichern' })).toBeVisible();
  // The token left the address bar once the cookie was set.
  expect(page.url()).not.toContain('token=');
});

test('refuses requests without the token', async ({ request, host }) => {
  const response = await request.get(`${host.origin}/`, { maxRedirects: 0 });
  expect(response.status()).toBe(403);
  const wrong = await request.get(`${host.origin}/?token=${'0'.repeat(64)}`, { maxRedirects: 0 });
  expect(wrong.status()).toBe(403);
});

test('refuses a foreign Host or Origin even with the token', async ({ request, host }) => {
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

test('refuses the bridge to a page of another origin', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toBeVisible();
  // The page's script opens the bridge under another origin name of the same port.
  const result = await page.evaluate(async (port) => {
    return new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://localhost:${port}/bridge`);
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('refused');
    });
  }, new URL(host.url).port);
  // localhost:<port> is another origin than 127.0.0.1:<port>: no cookie, so refused.
  expect(result).toBe('refused');
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
