// What Electron's login item API gets per platform. Windows writes a Run key
// with our arguments; macOS 13+ registers the app through SMAppService
// (`type: 'mainAppService'`), which takes no arguments and ignores
// `openAsHidden`, so a login start is recognised there by
// `getLoginItemSettings().wasOpenedAtLogin` instead (login-start.ts). Linux
// has no such API: the app writes an XDG autostart file (autostart-entry.ts).
import type { Settings as ElectronLoginItemSettings } from 'electron';
import type { Settings } from '../../../shared/model/settings';

/**
 * Windows: the value's name under HKCU\Software\Microsoft\Windows\CurrentVersion\Run. Fixed
 * (Electron's default is the AppUserModelId), so the uninstaller can delete exactly this value.
 */
export const WINDOWS_RUN_VALUE_NAME = 'Fernwartung';

/** The argument a login start carries where the OS passes arguments (Windows, Linux). */
export const HIDDEN_ARGUMENT = '--hidden';

export type StartSettings = Pick<Settings, 'startAtLogin' | 'startHidden'>;

/** The arguments the OS starts the app with at login. */
export function loginArguments(settings: StartSettings): string[] {
  return settings.startHidden ? [HIDDEN_ARGUMENT] : [];
}

/** `app.setLoginItemSettings`'s argument, or null where the app writes an autostart file instead. */
export function loginItemSettings(
  platform: NodeJS.Platform,
  settings: StartSettings,
): ElectronLoginItemSettings | null {
  switch (platform) {
    case 'win32':
      // `args` exist on Windows only; removing the item needs none.
      return {
        openAtLogin: settings.startAtLogin,
        name: WINDOWS_RUN_VALUE_NAME,
        args: settings.startAtLogin ? loginArguments(settings) : [],
      };
    case 'darwin':
      return { openAtLogin: settings.startAtLogin, type: 'mainAppService' };
    default:
      return null;
  }
}
