// What the Electron shell decides about security, as plain functions so they
// are tested in Node (the Electron binary cannot run on the build machine).
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../app/csp';

export { CONTENT_SECURITY_POLICY };

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'Fernwartung',
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

/**
 * The app's own pages: the built renderer (file://.../renderer/index.html)
 * or, in development, the dev server's origin.
 */
export function isAppUrl(url: string, app: { rendererFile: string; devServerUrl?: string }): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (app.devServerUrl) return parsed.origin === new URL(app.devServerUrl).origin;
  return parsed.protocol === 'file:' && samePath(fileUrlPath(parsed), app.rendererFile);
}

/** `file:///C:/x` → `C:/x` (Windows), `file:///opt/x` → `/opt/x`. */
function fileUrlPath(url: URL): string {
  const path = decodeURIComponent(url.pathname);
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

/** Slashes either way; Windows drive letters in either case. */
function samePath(a: string, b: string): boolean {
  const norm = (p: string) =>
    p.replace(/\\/g, '/').replace(/^([A-Za-z]):/, (_m, d: string) => `${d.toLowerCase()}:`);
  return norm(a) === norm(b);
}

/** Navigation away from the app page is never allowed; new windows neither. */
export function allowNavigation(targetUrl: string, currentUrl: string): boolean {
  const strip = (u: string) => u.split('#')[0];
  return strip(targetUrl) === strip(currentUrl);
}

/** Only `mailto:` (send key to support) and https links open outside, in the system's handlers. */
export function externalOpenAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'mailto:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Adds the CSP header to responses for the app's own pages. */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return { ...(headers ?? {}), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/**
 * Permissions the app's page may have: the clipboard, for the terminal's
 * copy on select and paste on right click (PuTTY's habits). Nothing else
 * (camera, notifications, geolocation, …), and nothing for other pages.
 */
export function permissionAllowed(
  permission: string,
  requestingUrl: string,
  isApp: (url: string) => boolean,
): boolean {
  return (
    (permission === 'clipboard-read' || permission === 'clipboard-sanitized-write') && isApp(requestingUrl)
  );
}
