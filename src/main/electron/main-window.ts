// The app's one window: made with the options security.ts decides, locked to
// the app's page (no navigation, no webviews, new windows only as external
// links that pass externalOpenAllowed).
import { BrowserWindow, shell } from 'electron';
import { allowNavigation, externalOpenAllowed, mainWindowOptions } from './security';

export interface AppPage {
  /** The built renderer's index.html. */
  rendererFile: string;
  /** The dev server (electron-vite dev), when set. */
  devServerUrl?: string;
}

export function createMainWindow(preloadPath: string, page: AppPage): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.webContents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url, win.webContents.getURL())) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (externalOpenAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  if (page.devServerUrl) void win.loadURL(page.devServerUrl);
  else void win.loadFile(page.rendererFile);
  return win;
}
