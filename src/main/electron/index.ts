// The Electron entry: a thin shell. What it decides lives in plain functions
// tested in Node: security.ts and ipc.ts (window options, navigation, IPC
// checks) and lifecycle/ (hidden start, window place, close and quit).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
} from 'electron';
import { createBackend, type Backend } from '../app/backend';
import { errorCode } from '../core/log';
import { initializeMainLog, log } from './main-log';
import { startRefusal } from '../app/start-refusal';
import { keyFileArguments } from './command-line';
import { registerAppScheme, serveAppScheme } from './app-scheme';
import { startDesktopIntegration, type DesktopIntegration } from './desktop-integration';
import { createMainWindow } from './main-window';
import { startUpdater, type Updater } from './updater';
import { isAppUrl } from './security';
import { applySessionPolicy } from './session-policy';
import { electronConfFactory } from './electron-conf';
import { registerContractIpc } from './ipc';
import { safeStorageVault } from './safe-storage-vault';
import { macLoginStartHidden } from './login-item/login-start';
import { appMenuTemplate } from './lifecycle/app-menu';
import { closeNotice } from './lifecycle/close-behaviour';
import { createKeyFileInbox } from './lifecycle/key-file-inbox';
import { secondStartShowsWindow, startsHidden } from './lifecycle/launch-options';
import { createQuitFlow, quitQuestion } from './lifecycle/quit-flow';
import { openWindowState } from './lifecycle/window-state';
import { createWindowKeeper, type WindowKeeper } from './lifecycle/window-keeper';
import { watchPageLoss } from './lifecycle/page-loss';

let backend: Backend | undefined;
let windows: WindowKeeper | undefined;
let desktop: DesktopIntegration | undefined;
let updater: Updater | undefined;
/** Set once start-up is done: macOS may send `activate` while launching, which must not undo `--hidden`. */
let started = false;

const here = dirname(fileURLToPath(import.meta.url));
const rendererFile = join(here, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appPage = { rendererFile, devServerUrl };
/** The development layout passes the app folder after the executable. */
const argvSkip = () => (app.isPackaged ? 1 : 2);
const language = () => backend?.settings.get().language ?? 'de';
/** Longest wait for sessions to close on quit, and for the quit after; a hung connection must not keep the app alive. */
const QUIT_CLEANUP_MS = 5_000;

registerAppScheme(protocol);

// A .ppk given to the app from outside goes to the agent, also when it arrives before the backend.
const keyFiles = createKeyFileInbox((error) =>
  log.warn('key files from outside: refused', { code: errorCode(error) }),
);

const quit = createQuitFlow({
  liveSessions: () => backend?.sessions.liveCount() ?? 0,
  async confirm(live) {
    const question = quitQuestion(language(), live);
    const parent = windows?.visible();
    const { response } = parent
      ? await dialog.showMessageBox(parent, question)
      : await dialog.showMessageBox(question);
    return response === question.defaultId;
  },
  async end() {
    windows?.closeForQuit();
    desktop?.dispose();
    updater?.dispose();
    // Closes sessions and kept connections and removes the agent's socket.
    const cleanup = backend
      ?.dispose()
      .catch((error: unknown) => log.error('quit: cleanup failed', { code: errorCode(error) }));
    await Promise.race([cleanup, new Promise((resolve) => setTimeout(resolve, QUIT_CLEANUP_MS).unref())]);
  },
  exit() {
    // Electron's own quit, now let through (before-quit below), then the process ends.
    app.quit();
    // Should anything still hold the quit (it cannot ask: the window is gone), end anyway.
    setTimeout(() => app.exit(0), QUIT_CLEANUP_MS).unref();
  },
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // `Fernwartung key.ppk` while running: load the key like Pageant would,
    // relative to the folder the second start was typed in.
    const files = keyFileArguments(argv, argvSkip(), workingDirectory);
    keyFiles.add(files);
    if (secondStartShowsWindow(argv, files)) windows?.show();
    else windows?.focusIfShown();
  });
  // macOS: a .ppk opened from Finder (the file association) arrives here, not on the command line.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    keyFiles.add([path]);
  });
  // Every Quit (tray, Cmd+Q, app.quit()) goes through the quit flow; once it has ended, the quit goes on.
  app.on('before-quit', (event) => {
    if (quit.letsQuitThrough()) return;
    event.preventDefault();
    void quit.request();
  });
  // The agent lives on in the tray: no window is no reason to quit (Electron's default).
  app.on('window-all-closed', () => {});
  // macOS: a click on the dock icon brings the window back.
  app.on('activate', () => {
    if (started) windows?.show();
  });
  void app.whenReady().then(() => {
    initializeMainLog();
    serveAppScheme(protocol, dirname(rendererFile));
    applySessionPolicy(session.defaultSession, appPage);
    const dataDir = app.getPath('userData');
    let running: Backend;
    try {
      running = createBackend({
        dataDir,
        confFactory: electronConfFactory,
        // The agent for ssh, git, PuTTY: socket on macOS/Linux, pipes on Windows.
        agentSocket: process.platform === 'win32' ? undefined : join(dataDir, 'agent', 'agent.sock'),
        agentPipes: process.platform === 'win32',
        agentKeyFiles: keyFileArguments(process.argv, argvSkip(), process.cwd()),
        log,
        shell: {
          kind: 'electron',
          version: app.getVersion(),
          // The tray and login-item code (desktop-integration.ts) start the app at login.
          startAtLogin: true,
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
    } catch (error) {
      // Another instance holds the data folder, or the installation is broken: say so and end.
      // The kind only: a message could quote a file's content.
      log.error('start: failed', { code: errorCode(error) });
      const { title, message } = startRefusal(error, app.getLocale());
      dialog.showErrorBox(title, message);
      app.exit(1);
      return;
    }
    backend = running;
    keyFiles.attach((files) => running.agentService.loadKeyFiles(files));
    const state = openWindowState(electronConfFactory, dataDir, log);
    const keeper = createWindowKeeper({
      create: () => {
        const win = createMainWindow(join(here, '../preload/index.cjs'), appPage);
        // A reloaded or crashed page: its sessions wait for the next page to attach them.
        watchPageLoss(win.webContents, () => running.sessions.detachAll());
        return win;
      },
      displays: () => screen.getAllDisplays(),
      state,
      liveSessions: () => running.sessions.liveCount(),
      quitting: () => quit.phase === 'ending' || quit.phase === 'ended',
      firstCloseNotice: () => {
        const { title, body } = closeNotice(language(), process.platform);
        if (Notification.isSupported()) new Notification({ title, body, silent: true }).show();
        else void dialog.showMessageBox({ type: 'info', title, message: title, detail: body });
      },
    });
    windows = keeper;
    registerContractIpc({
      ipcMain,
      dispatcher: running.dispatcher,
      events: running.events,
      window: () => keeper.contents(),
      isAppUrl: (url) => isAppUrl(url, appPage),
    });
    // A question (a key's passphrase at a hidden start, a confirm-each-use) needs the window:
    // the page asks for pending prompts when it loads.
    running.events.subscribe((name) => {
      if (name === 'prompt.opened') keeper.show();
    });
    const applyMenu = () => {
      const template = appMenuTemplate(process.platform, language());
      Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
    };
    applyMenu();
    running.settings.onChange(applyMenu);
    // Logout, restart, shutdown (macOS, Linux): end without a question nobody would answer.
    powerMonitor.on('shutdown', () => void quit.systemShutdown());
    desktop = startDesktopIntegration({
      backend: running,
      showWindow: () => keeper.show(),
      quit: () => app.quit(),
    });
    updater = startUpdater({ language });
    // Windows and Linux log in with --hidden; macOS passes no arguments to a login item.
    const hidden =
      startsHidden(process.argv) ||
      macLoginStartHidden({
        platform: process.platform,
        wasOpenedAtLogin: process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
        startHidden: running.settings.get().startHidden,
      });
    if (!hidden) keeper.show();
    started = true;
  });
}
