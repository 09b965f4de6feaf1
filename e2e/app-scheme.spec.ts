// The built renderer as Electron's app:// handler serves it, in Debian's Chromium:
// every file of the page comes from appSchemeResponse (src/main/electron/app-scheme.ts:
// its types, its CSP header, nosniff), the backend from the headless host over its
// WebSocket. Plain Chromium has no custom schemes, so the page's origin is the
// host's http://127.0.0.1:<port>, not app://fernwartung, and there is no preload:
// this shows that the built page, its module scripts, styles, icon and worker load
// under the handler's headers, not that Electron registers the scheme.
import { join } from 'node:path';
import { appSchemeResponse } from '../src/main/electron/app-scheme';
import { CONTENT_SECURITY_POLICY } from '../src/main/app/csp';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './fixtures/chromium';
import { expect, test } from './fixtures/test';

// Responses fulfilled by page.route carry no network address, so Chromium's Local Network
// Access checks treat the worker as public and block its WebSocket to 127.0.0.1
// (ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS): an artefact of the interception, off here.
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks'],
  },
});

const rendererDir = join(process.cwd(), 'out', 'renderer');

test('the start view loads from the app:// handler under its CSP header', async ({ page, host }) => {
  const served: Array<{ path: string; status: number; type: string | null }> = [];
  // Everything but the first load (the address with the token, which the page moves into
  // sessionStorage) and the bridge.
  await page.route(
    (url) => url.origin === host.origin && !url.searchParams.has('token') && url.pathname !== '/bridge',
    async (route) => {
      const request = route.request();
      const { pathname } = new URL(request.url());
      const response = await appSchemeResponse(
        { url: `app://fernwartung${pathname}`, method: request.method() },
        rendererDir,
      );
      served.push({ path: pathname, status: response.status, type: response.headers.get('content-type') });
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      });
    },
  );
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => " +
      'reportViolation(`${e.effectiveDirective} ${e.blockedURI}`));',
  });
  const consoleCsp: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleCsp.push(message.text());
  });

  let documentPolicy: string | undefined;
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document' && response.status() === 200)
      documentPolicy = response.headers()['content-security-policy'];
  });

  // The first load takes the token out of the address (sessionStorage, history.replaceState), then
  // the page again, now wholly from the handler.
  await page.goto(host.url);
  await page.waitForURL(`${host.origin}/`);
  served.length = 0;
  violations.length = 0;
  await page.goto(`${host.origin}/`);
  // The page ran (module script), reached the backend (the worker's WebSocket) and rendered.
  await expect(page.getByRole('heading', { name: 'Willkommen bei Fernwartung' })).toBeVisible();
  // The stylesheet applied.
  expect(await page.evaluate<string>('getComputedStyle(document.body).fontFamily')).toContain('system-ui');

  const kinds = served.map((s) => s.path.replace(/-[\w-]{8}\.(\w+)$/, '.$1'));
  expect(kinds).toEqual(
    expect.arrayContaining([
      '/',
      '/assets/index.js',
      '/assets/index.css',
      '/assets/icon.svg',
      '/assets/bridge-socket-worker.js',
    ]),
  );
  for (const s of served) {
    expect(s.status, s.path).toBe(200);
    expect(s.type, s.path).not.toBe('application/octet-stream');
  }
  expect(served.find((s) => s.path.endsWith('.js'))?.type).toBe('text/javascript; charset=utf-8');
  // Nothing refused by the policy, except zod's one probe whether it may compile (eval), if it ran.
  expect(violations.filter((v) => !/^script-src eval$/.test(v))).toEqual([]);
  expect(consoleCsp.filter((m) => !/unsafe-eval|evaluate a string/i.test(m))).toEqual([]);
  // The page was given the policy as a header (on top of its meta element).
  expect(documentPolicy).toBe(CONTENT_SECURITY_POLICY);
});
