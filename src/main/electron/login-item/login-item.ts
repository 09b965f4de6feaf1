// Makes the OS start the app at login, or stop doing so, as the settings say:
// Electron's login item API on Windows and macOS, an autostart file on Linux.
// Electron's pieces come in as functions, so this runs in tests without it.
import type { Settings as ElectronLoginItemSettings } from 'electron';
import { autostartEntry, launchCommand, type LaunchFacts } from './autostart-entry';
import { autostartFilePath, removeAutostartFile, writeAutostartFile } from './autostart-file';
import { loginArguments, loginItemSettings, type StartSettings } from './login-item-settings';

export interface LoginItemDeps extends LaunchFacts {
  platform: NodeJS.Platform;
  /** `app.setLoginItemSettings`. */
  setLoginItemSettings: (settings: ElectronLoginItemSettings) => void;
  env: Record<string, string | undefined>;
  home: string;
  productName: string;
}

export interface LoginItem {
  apply(settings: StartSettings): Promise<void>;
}

export function createLoginItem(deps: LoginItemDeps): LoginItem {
  return {
    async apply(settings) {
      const native = loginItemSettings(deps.platform, settings);
      if (native) return deps.setLoginItemSettings(native);
      const path = autostartFilePath(deps.env, deps.home);
      if (!settings.startAtLogin) return removeAutostartFile(path);
      const { program, args } = launchCommand(deps);
      await writeAutostartFile(
        path,
        autostartEntry({ name: deps.productName, program, args: [...args, ...loginArguments(settings)] }),
      );
    },
  };
}
