// What the app's Electron session allows, wired to the decisions in
// security.ts: the CSP header on every response (app:// responses carry it
// from app-scheme.ts already; this covers the dev server and anything else),
// and permissions only for the app's own page.
import type { Session } from 'electron';
import { type AppPage, isAppUrl, permissionAllowed, withCsp } from './security';

export function applySessionPolicy(session: Session, page: AppPage): void {
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withCsp(details.responseHeaders) }),
  );
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl, (url) => isAppUrl(url, page))),
  );
  // Checks name only the origin: 'app://fernwartung', which isAppUrl accepts.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin, (url) => isAppUrl(url, page)),
  );
}
