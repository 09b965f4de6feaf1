// The tray and start at login (issue 12). A stub until they land.
import type { Backend } from '../app/backend';

export interface DesktopIntegrationDeps {
  backend: Backend;
  /** Shows (creating if needed) and focuses the window. */
  showWindow: () => void;
  /** Quits the app the way the Quit menu item does (asks when sessions are live). */
  quit: () => void;
}

export interface DesktopIntegration {
  dispose(): void;
}

export function startDesktopIntegration(_deps: DesktopIntegrationDeps): DesktopIntegration {
  return { dispose() {} };
}
