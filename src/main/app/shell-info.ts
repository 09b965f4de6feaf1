// What the shell around the backend offers. Electron provides native
// dialogs and the OS keychain; the headless host (a browser tab) does not.
import type { SecretVault } from '../services/agent/stored-passphrases';

export interface NativeDialogs {
  openFile(options: { title?: string }): Promise<string | null>;
}

export interface ShellInfo {
  kind: 'electron' | 'browser';
  version: string;
  dialogs?: NativeDialogs;
  /** Seals stored passphrases (Electron's safeStorage); none = the option is not offered. */
  vault?: SecretVault;
  /** The shell starts the app at login as the settings say (the desktop app); a browser tab cannot. */
  startAtLogin?: boolean;
}
