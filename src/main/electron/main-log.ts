// The desktop app's log: electron-log's main logger (main.log in the data
// folder) behind the safe Logger of core/log.ts, so the shell's log lines
// are fixed texts and checked fields like the backend's. Besides core/log.ts
// this is the only importer of electron-log (lint checks it).
import electronLog from 'electron-log/main';
import { safeLogger, type Logger } from '../core/log';

/** Sets up main.log: owner-only, appended to. Call once the app is ready. */
export function initializeMainLog(): void {
  electronLog.initialize();
  electronLog.transports.file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
}

export const log: Logger = safeLogger({
  error: (line) => electronLog.error(line),
  warn: (line) => electronLog.warn(line),
  info: (line) => electronLog.info(line),
  debug: (line) => electronLog.debug(line),
});

/**
 * For electron-updater, which logs free text (feed URLs, paths, a server's
 * answer): only that it warned or failed reaches the log; the update flow
 * logs the codes of what went wrong itself.
 */
export const updaterLog = {
  info(): void {},
  debug(): void {},
  warn(): void {
    log.warn('updates: electron-updater warned');
  },
  error(): void {
    log.warn('updates: electron-updater reported an error');
  },
};
