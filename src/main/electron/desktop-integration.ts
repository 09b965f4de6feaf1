// The tray and start at login (issue 12): wiring only. What the tray shows
// (tray/tray-menu.ts) and what the OS is told (login-item/) are decided by
// tested functions; here they meet Electron's Tray, Menu, dialog and app.
import { join } from 'node:path';
import { app, dialog, Menu, nativeImage, Tray } from 'electron';
import { errorCode } from '../core/log';
import { log } from './main-log';
import type { Settings } from '../../shared/model/settings';
import type { Backend } from '../app/backend';
import { isAppError } from '../core/app-error';
import { unlockKeyFileIntoAgent } from '../services/agent/key-unlock';
import { createLoginItem } from './login-item/login-item';
import { TrayController } from './tray/tray-controller';
import { mainTranslator } from '../core/texts/main-i18n';
import type { TrayAction, TrayModel } from './tray/tray-menu';
import { trayStateOf } from './tray/tray-state';

export interface DesktopIntegrationDeps {
  backend: Backend;
  /** Shows (creating if needed) and focuses the window. */
  showWindow: () => void;
  /** Quits the app the way the Quit menu item does (asks when sessions are live). */
  quit: () => void;
  /** The folder holding `tray/` icons; default `assets/` in the app (app.getAppPath()). */
  assetsDir?: string;
}

export interface DesktopIntegration {
  dispose(): void;
}

export function startDesktopIntegration(deps: DesktopIntegrationDeps): DesktopIntegration {
  const { backend, showWindow } = deps;
  const { settings, profiles, agentService } = backend;
  const loginItem = createLoginItem({
    platform: process.platform,
    setLoginItemSettings: (options) => app.setLoginItemSettings(options),
    env: process.env,
    home: app.getPath('home'),
    execPath: process.execPath,
    appImage: process.env.APPIMAGE,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    productName: app.getName(),
  });
  const applyLoginItem = (s: Settings) =>
    loginItem.apply(s).catch((error: unknown) => {
      log.warn('login item: not applied', { code: errorCode(error) });
    });

  const addKey = async () => {
    const t = mainTranslator(settings.get().language, 'tray');
    const picked = await dialog.showOpenDialog({
      title: t('addKeyTitle'),
      properties: ['openFile', 'showHiddenFiles'],
    });
    const path = picked.canceled ? undefined : picked.filePaths[0];
    if (!path) return;
    // The passphrase is asked in the window, as for every key file.
    showWindow();
    try {
      await unlockKeyFileIntoAgent(path, backend.agent, backend.prompts);
    } catch (error) {
      if (isAppError(error) && error.code === 'keys.unlockCancelled') return;
      if (!isAppError(error)) log.error('tray: adding a key failed', { code: errorCode(error) });
      backend.notify(isAppError(error) ? error.toInfo() : { code: 'internal', params: {} });
    }
  };

  const run = (action: TrayAction) => {
    switch (action.kind) {
      case 'openWindow':
        return showWindow();
      case 'openProfile':
        showWindow();
        return backend.windowRequests.request({ kind: 'openProfile', profileId: action.profileId });
      case 'lock':
      case 'unlock':
        // The agent view asks for the lock passphrase (twice where it is chosen).
        showWindow();
        return backend.windowRequests.request({ kind: 'showAgent' });
      case 'addKey':
        return void addKey();
      case 'toggleStartAtLogin':
        try {
          settings.update({ startAtLogin: !settings.get().startAtLogin });
        } catch (error) {
          log.error('tray: start at login not changed', { code: errorCode(error) });
        }
        return;
      case 'quit':
        return deps.quit();
    }
  };

  const tray = new TrayController({
    createTray: (image) => {
      const created = new Tray(image);
      // Windows and Linux: a click on the icon opens the window, the menu is on the right button.
      // macOS opens the menu on a click, as menu bar items do.
      if (process.platform !== 'darwin') created.on('click', () => showWindow());
      return created;
    },
    buildMenu: (template) => Menu.buildFromTemplate(template),
    images: nativeImage,
    assetsDir: deps.assetsDir ?? join(app.getAppPath(), 'assets'),
    run,
  });
  const refresh = () => {
    const current = settings.get();
    const agent = agentService.state();
    const model: TrayModel = {
      platform: process.platform,
      state: trayStateOf(agent),
      keyCount: agent.keyCount,
      profiles: profiles.list(),
      startAtLogin: current.startAtLogin,
    };
    tray.update(model, current.language);
  };

  let applied = settings.get();
  // Linux: rewrite the autostart file at each start, so it follows a moved AppImage. Windows and
  // macOS keep their entry; writing it again would undo the person's choice in Task Manager or
  // System Settings.
  if (process.platform === 'linux' && applied.startAtLogin) void applyLoginItem(applied);
  const unsubscribe = [
    settings.onChange((next) => {
      if (next.startAtLogin !== applied.startAtLogin || next.startHidden !== applied.startHidden) {
        void applyLoginItem(next);
      }
      applied = next;
      refresh();
    }),
    profiles.onChange(refresh),
    backend.events.subscribe((name) => {
      if (name === 'agent.changed') refresh();
    }),
  ];
  refresh();

  return {
    dispose() {
      for (const off of unsubscribe.splice(0)) off();
      tray.dispose();
    },
  };
}
