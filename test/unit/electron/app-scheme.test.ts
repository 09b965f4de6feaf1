// The app:// scheme, in Node (no Electron binary here): which URL names which
// file, what is refused, and what every response carries.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, win32 } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  appSchemeFile,
  appSchemeResponse,
  mimeTypeOf,
  registerAppScheme,
  serveAppScheme,
} from '../../../src/main/electron/app-scheme';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/app/csp';

const root = '/opt/Fernwartung/resources/app.asar/out/renderer';
// A built renderer folder, and a file beside it that no URL may reach.
const dir = mkdtempSync(join(tmpdir(), 'fw-app-scheme-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(dir, 'assets', 'index.js'), 'export {};');
writeFileSync(`${dir}-secret.txt`, 'secret');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-secret.txt`, { force: true });
});

describe('the scheme', () => {
  it('is privileged as a secure standard scheme with fetch, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    expect(APP_ORIGIN).toBe('app://fernwartung');
    expect(APP_START_URL).toBe('app://fernwartung/index.html');
  });

  it('is registered before ready and served by one handler after', async () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(schemes) });
    expect(registered).toEqual([[APP_SCHEME_PRIVILEGES]]);
    const handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
    serveAppScheme({ handle: (scheme, handler) => handlers.set(scheme, handler) }, dir);
    expect([...handlers.keys()]).toEqual(['app']);
    const response = await handlers.get('app')!(new Request('app://fernwartung/index.html'));
    expect(response.status).toBe(200);
  });
});

describe('a URL to a file under the renderer folder', () => {
  it('maps the page and its assets', () => {
    expect(appSchemeFile('app://fernwartung/index.html', root)).toBe(`${root}/index.html`);
    expect(appSchemeFile('app://fernwartung/', root)).toBe(`${root}/index.html`);
    expect(appSchemeFile('app://fernwartung', root)).toBe(`${root}/index.html`);
    expect(appSchemeFile('app://fernwartung/assets/index-BF09NXoc.js', root)).toBe(
      `${root}/assets/index-BF09NXoc.js`,
    );
    expect(appSchemeFile('app://fernwartung/assets/a.b.c.js?v=1#x', root)).toBe(`${root}/assets/a.b.c.js`);
    expect(appSchemeFile('app://fernwartung/assets/with%20space.svg', root)).toBe(
      `${root}/assets/with space.svg`,
    );
  });

  it.each([
    ['a parent segment', 'app://fernwartung/../../etc/passwd'],
    ['a parent segment inside', 'app://fernwartung/assets/../../../etc/passwd'],
    ['a parent segment, encoded', 'app://fernwartung/%2e%2e/%2e%2e/etc/passwd'],
    ['a parent segment, encoded in upper case', 'app://fernwartung/%2E%2E/etc/passwd'],
    ['a parent segment, half encoded', 'app://fernwartung/.%2e/etc/passwd'],
    ['a current-folder segment', 'app://fernwartung/./index.html'],
    ['an encoded slash', 'app://fernwartung/..%2f..%2fetc/passwd'],
    ['a backslash', 'app://fernwartung/..\\..\\etc\\passwd'],
    ['an encoded backslash', 'app://fernwartung/..%5c..%5cetc%5cpasswd'],
    ['a NUL', 'app://fernwartung/index.html%00.png'],
    ['an absolute path', 'app://fernwartung//etc/passwd'],
    ['a drive letter', 'app://fernwartung/C:/Windows/win.ini'],
    ['a drive letter inside', 'app://fernwartung/assets/C:x.js'],
    ['an NTFS stream', 'app://fernwartung/index.html::$DATA'],
    ['an empty segment', 'app://fernwartung/assets//index.js'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://fernwartung:1/index.html'],
    ['user info', 'app://me@fernwartung/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://fernwartung/index.html'],
    ['a broken escape', 'app://fernwartung/%E0%A4%A'],
    ['no URL at all', 'index.html'],
  ])('refuses %s', (_what, url) => {
    expect(appSchemeFile(url, root)).toBeNull();
  });

  it('follows Windows path rules on Windows', () => {
    const windowsRoot = 'C:\\Program Files\\Fernwartung\\resources\\app.asar\\out\\renderer';
    const file = (url: string) => appSchemeFile(url, windowsRoot, win32);
    expect(file('app://fernwartung/assets/x.js')).toBe(`${windowsRoot}\\assets\\x.js`);
    expect(file('app://fernwartung/')).toBe(`${windowsRoot}\\index.html`);
    for (const url of [
      'app://fernwartung/..\\..\\secret.txt',
      'app://fernwartung/assets/..%5c..%5csecret.txt',
      'app://fernwartung/C:/Windows/win.ini',
      'app://fernwartung/assets/D:secret.txt',
      'app://fernwartung/%5c%5cserver%5cshare%5cx',
      'app://fernwartung/index.html::$DATA',
    ])
      expect(file(url), url).toBeNull();
  });
});

describe('types', () => {
  it('gives each built file its type (module scripts load only with a JavaScript type)', () => {
    expect(mimeTypeOf('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('/r/assets/index-1.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('/r/assets/worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('/r/assets/index-1.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('/r/assets/icon.SVG')).toBe('image/svg+xml');
    expect(mimeTypeOf('/r/assets/font.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('/r/assets/x.png')).toBe('image/png');
    expect(mimeTypeOf('/r/assets/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('responses', () => {
  const get = (url: string, method = 'GET') => appSchemeResponse({ url, method }, dir);

  it('serves a file with its type, the CSP and nosniff', async () => {
    const page = await get('app://fernwartung/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html><title>x</title>');
    const script = await get('app://fernwartung/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
  });

  it('answers refusals and missing files with 404, and carries the CSP there too', async () => {
    const name = basename(dir);
    for (const url of [
      'app://fernwartung/missing.js',
      `app://fernwartung/../${name}-secret.txt`,
      `app://fernwartung/%2e%2e/${name}-secret.txt`,
      'app://fernwartung/assets',
      'app://evil/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toBe('');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://fernwartung/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://fernwartung/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
