// Updates through electron-updater, off unless the package carries a feed
// (updates/update-feed.ts; chosen at build time, docs/DESKTOP.md). With a feed
// the app looks a minute after start and then daily, and asks before it
// downloads and before it installs (updates/update-flow.ts).
import { app, dialog } from 'electron';
import { errorCode } from '../core/log';
import { log, updaterLog } from './main-log';
import type { Language } from '../../shared/model/settings';
import { updateFeedFile } from './updates/update-feed';
import { UpdateFlow, type UpdaterLike } from './updates/update-flow';

export interface UpdaterOptions {
  /** The app's language for the two questions (the settings'); German until given. */
  language?: () => Language;
}

export interface Updater {
  dispose(): void;
}

export function startUpdater(options: UpdaterOptions = {}): Updater {
  const feed = updateFeedFile({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
  if (!feed) {
    log.info('updates: off (no update feed in this package)');
    return { dispose() {} };
  }
  let flow: UpdateFlow | undefined;
  let disposed = false;
  // Loaded only with a feed: a package without one never runs electron-updater.
  void loadUpdater().then(
    (updater) => {
      if (disposed) return;
      flow = new UpdateFlow({
        updater,
        ask: async ({ message, detail, buttons }) =>
          (await dialog.showMessageBox({ type: 'info', message, detail, buttons, defaultId: 0, cancelId: 1 }))
            .response === 0,
        language: options.language ?? (() => 'de'),
        log,
      });
      flow.start();
    },
    (error: unknown) => log.warn('updates: electron-updater not loaded', { code: errorCode(error) }),
  );
  return {
    dispose() {
      disposed = true;
      flow?.dispose();
    },
  };
}

async function loadUpdater(): Promise<UpdaterLike> {
  const module = await import('electron-updater');
  // CommonJS: Node's ESM loader puts module.exports on default.
  const { autoUpdater } = (module as unknown as { default?: typeof module }).default ?? module;
  autoUpdater.logger = updaterLog;
  return autoUpdater;
}
