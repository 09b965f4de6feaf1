// What the app's Electron session allows, wired to the decisions in
// security.ts: the CSP header on every response, and permissions only for
// the app's own page.
import type { Session } from 'electron';
import type { AppPage } from './main-window';
import { isAppUrl, permissionAllowed, withCsp } from './security';

export function applySessionPolicy(session: Session, page: AppPage): void {
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withCsp(details.responseHeaders) }),
  );
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl, (url) => isAppUrl(url, page))),
  );
  // Checks name only an origin; for file:// pages that is 'file:///' (navigation is locked to the app page).
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin, (url) => isAppUrl(url, page) || url === 'file:///'),
  );
}
