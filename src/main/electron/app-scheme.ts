// The app's own scheme for its pages: app://fernwartung/index.html instead of
// file://. A file:// page may read any file the user can, and shares one opaque
// origin with every other local page; app:// is a secure, standard origin of
// its own whose handler serves only the built renderer, with the CSP as a header.
import { readFile } from 'node:fs/promises';
import nodePath, { extname } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../app/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fernwartung';
/** What Chromium names the page's origin (permission checks get this). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: relative URLs, a real origin ('self' in the CSP, storage);
 * secure: a secure context like https; supportFetchAPI: fetch() and module
 * scripts. Deliberately not bypassCSP (the policy must hold), not corsEnabled
 * (no other origin may read our files), no service workers, no streaming.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Before `app.ready`: declares the scheme privileged (Electron accepts this only once, before ready). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After `app.ready`: serves the built renderer under the scheme. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appSchemeResponse(request, rendererDir));
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file; module scripts load only with a JavaScript type. */
export function mimeTypeOf(file: string): string {
  return mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rendererDir` an app:// URL names, or null when it is refused:
 * another scheme or host, a path with `..` or `.` segments (also percent-encoded),
 * backslashes, NUL, a colon (drive letters, NTFS streams) or a second leading slash, or anything that
 * would resolve outside the folder. `/` is the index page; query and fragment
 * are ignored. Chromium normalizes standard URLs before the handler sees them;
 * this check does not rely on it.
 */
export function appSchemeFile(
  url: string,
  rendererDir: string,
  // The platform's path rules; tests pass path.win32 to check Windows' on Linux.
  path: Pick<typeof nodePath, 'resolve' | 'sep'> = nodePath,
): string | null {
  // The raw text first: the URL parser would quietly resolve `..` and turn `\` into `/`.
  const rawPath = /^app:\/\/[^/?#\\]*([^?#]*)/i.exec(url)?.[1];
  if (rawPath === undefined || /\\|%5c|%00|%2f/i.test(rawPath)) return null;
  if (rawPath.split('/').some((s) => /^(\.|%2e){1,2}$/i.test(s))) return null;
  let parsed: URL;
  let decoded: string;
  try {
    parsed = new URL(url);
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username || parsed.password || parsed.port) return null;
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  if (!decoded.startsWith('/') || decoded.startsWith('//') || /^\/[A-Za-z]:/.test(decoded)) return null;
  const segments = decoded.slice(1).split('/');
  // A colon never occurs in a built file's name; on Windows it names a drive or an NTFS stream.
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\\\0:]/.test(s))) {
    return null;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Headers on every app:// response, the refusals included. */
function headers(contentType?: string): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    ...(contentType ? { 'Content-Type': contentType } : {}),
  };
}

/** The handler's answer: the file with its type and the CSP, or 404/405 (the same CSP). */
export async function appSchemeResponse(
  request: Pick<Request, 'url' | 'method'>,
  rendererDir: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: headers() });
  }
  const file = appSchemeFile(request.url, rendererDir);
  if (!file) return new Response(null, { status: 404, headers: headers() });
  let body: Uint8Array;
  try {
    body = await read(file);
  } catch {
    return new Response(null, { status: 404, headers: headers() });
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: headers(mimeTypeOf(file)),
  });
}
