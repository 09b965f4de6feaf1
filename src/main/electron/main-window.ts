// The app's one window: made with the options security.ts decides, locked to
// the app's page (no navigation, no webviews, new windows only as external
// links that pass externalOpenAllowed), loaded from app:// (app-scheme.ts).
import { BrowserWindow, shell } from 'electron';
import { APP_START_URL } from './app-scheme';
import {
  type AppPage,
  allowNavigation,
  externalOpenAllowed,
  mainWindowOptions,
  opensOutsideOnNavigation,
} from './security';

export type { AppPage };

export function createMainWindow(preloadPath: string, page: AppPage): BrowserWindow {
  // mainWindowOptions is the one source of these options (tested in Node). The
  // webPreferences are also written out here so that a static scan (Electronegativity)
  // sees them where the window is made; main-window.test.ts proves both agree.
  const win = new BrowserWindow({
    ...mainWindowOptions(preloadPath),
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
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (allowNavigation(url, win.webContents.getURL())) return;
    event.preventDefault();
    if (opensOutsideOnNavigation(url)) openOutside(url);
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(page.devServerUrl ?? APP_START_URL);
  return win;
}

/** The one place a URL leaves the app: only what externalOpenAllowed passes, to the system's handler. */
function openOutside(url: string): void {
  if (externalOpenAllowed(url)) void shell.openExternal(url);
}
