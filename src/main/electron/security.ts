// What the Electron shell decides about security, as plain functions so they
// are tested in Node (the Electron binary cannot run on the build machine).
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../app/csp';
import { APP_HOST, APP_SCHEME } from './app-scheme';

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
      // Middle-click (auxclick) would be one more way to ask for a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

export interface AppPage {
  /** The built renderer's index.html; app-scheme.ts serves its folder as app://fernwartung/. */
  rendererFile: string;
  /** The dev server (electron-vite dev), when set. */
  devServerUrl?: string;
}

/**
 * The app's own page: app://fernwartung/index.html (served by app-scheme.ts;
 * `/` is the same page) or, in development, the dev server's origin. Permission
 * checks name only the origin (`app://fernwartung`), so that counts too. Node's
 * URL gives custom schemes no origin ('null'), hence protocol and host are compared.
 */
export function isAppUrl(url: string, app: AppPage): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (app.devServerUrl) return parsed.origin === new URL(app.devServerUrl).origin;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    !parsed.username &&
    !parsed.password &&
    ['', '/', '/index.html'].includes(parsed.pathname)
  );
}

/** Navigation away from the app page is never allowed; new windows neither. */
export function allowNavigation(targetUrl: string, currentUrl: string): boolean {
  const strip = (u: string) => u.split('#')[0];
  return strip(targetUrl) === strip(currentUrl);
}

/**
 * A link the page follows in place that opens outside instead: `mailto:` (the
 * key's e-mail to support is a plain link). Everything else stays denied.
 */
export function opensOutsideOnNavigation(targetUrl: string): boolean {
  return targetUrl.toLowerCase().startsWith('mailto:') && externalOpenAllowed(targetUrl);
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

/** Sets the app's CSP header on a response, replacing one in any spelling (two policies would both apply). */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
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
