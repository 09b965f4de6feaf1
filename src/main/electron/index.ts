// The Electron entry: a thin shell. What it decides (window options,
// navigation, IPC checks) lives in security.ts and ipc.ts, tested in Node.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import log from 'electron-log/main';
import { createBackend, type Backend } from '../app/backend';
import { keyFileArguments } from './command-line';
import { registerAppScheme, serveAppScheme } from './app-scheme';
import { startDesktopIntegration } from './desktop-integration';
import { createMainWindow } from './main-window';
import { startUpdater } from './updater';
import { isAppUrl } from './security';
import { applySessionPolicy } from './session-policy';
import { electronConfFactory } from './electron-conf';
import { registerContractIpc } from './ipc';
import { safeStorageVault } from './safe-storage-vault';

let window: BrowserWindow | undefined;
let backend: Backend | undefined;

const here = dirname(fileURLToPath(import.meta.url));
const rendererFile = join(here, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appPage = { rendererFile, devServerUrl };

registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // `Fernwartung key.ppk` while running: load the key like Pageant would,
    // relative to the folder the second start was typed in.
    void backend?.agentService.loadKeyFiles(keyFileArguments(argv, app.isPackaged ? 1 : 2, workingDirectory));
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  void app.whenReady().then(() => {
    log.initialize();
    serveAppScheme(protocol, dirname(rendererFile));
    applySessionPolicy(session.defaultSession, appPage);
    backend = createBackend({
      dataDir: app.getPath('userData'),
      confFactory: electronConfFactory,
      // The agent for ssh, git, PuTTY: socket on macOS/Linux, pipes on Windows.
      agentSocket:
        process.platform === 'win32' ? undefined : join(app.getPath('userData'), 'agent', 'agent.sock'),
      agentPipes: process.platform === 'win32',
      agentKeyFiles: keyFileArguments(process.argv, app.isPackaged ? 1 : 2, process.cwd()),
      log,
      shell: {
        kind: 'electron',
        version: app.getVersion(),
        dialogs: {
          async openFile({ title }) {
            const result = await dialog.showOpenDialog({
              title,
              properties: ['openFile', 'showHiddenFiles'],
            });
            return result.canceled ? null : (result.filePaths[0] ?? null);
          },
        },
        // Opt-in stored passphrases, sealed by the OS keychain (after ready, as safeStorage needs).
        vault: safeStorageVault(safeStorage),
      },
    });
    window = createMainWindow(join(here, '../preload/index.cjs'), appPage);
    registerContractIpc({
      ipcMain,
      dispatcher: backend.dispatcher,
      events: backend.events,
      window: () => window?.webContents,
      isAppUrl: (url) => isAppUrl(url, appPage),
    });
    startDesktopIntegration({
      backend,
      showWindow: () => {
        if (window?.isMinimized()) window.restore();
        window?.show();
        window?.focus();
      },
      quit: () => app.quit(),
    });
    startUpdater();
  });
  app.on('window-all-closed', () => {
    void backend?.dispose().finally(() => app.quit());
  });
}
