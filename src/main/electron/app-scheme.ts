// The app's own scheme for its pages (issue 12: app:// instead of file://).
// Stubs until the scheme lands: the window still loads the built file.
import type { Protocol } from 'electron';

/** Before `app.ready`: declares the scheme privileged (secure, standard). */
export function registerAppScheme(_protocol: Protocol): void {}

/** After `app.ready`: serves the built renderer under the scheme. */
export function serveAppScheme(_protocol: Protocol, _rendererDir: string): void {}
