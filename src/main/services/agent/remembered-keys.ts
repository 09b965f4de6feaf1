// Keys remembered by path (settings.agentKeyPaths) and loaded at every start,
// like Pageant started with key files; with the user's consent their
// passphrases are kept sealed by the OS keychain and open them without asking.
import type { ErrorInfo } from '../../../shared/errors';
import type { AgentKeyStore } from '../../agent';
import { isAppError } from '../../core/app-error';
import { errorCode, type Logger } from '../../core/log';
import { requireUserPath } from '../../core/user-path';
import type { PromptService } from '../../prompts/prompt-service';
import type { SettingsService } from '../settings/settings-service';
import { unlockKeyFileIntoAgent } from './key-unlock';
import type { StoredPassphrases } from './stored-passphrases';

export interface RememberedKeysDeps {
  store: AgentKeyStore;
  prompts: PromptService;
  settings: SettingsService;
  log: Logger;
  notify: (notice: ErrorInfo) => void;
  /** Something the agent view shows changed (a stored passphrase dropped). */
  changed: () => void;
  passphrases?: StoredPassphrases;
}

export class RememberedKeys {
  private stopped = false;

  constructor(private readonly deps: RememberedKeysDeps) {}

  paths(): ReadonlySet<string> {
    return new Set(this.deps.settings.get().agentKeyPaths);
  }

  hasStoredPassphrase(path: string): boolean {
    return this.deps.passphrases?.has(path) ?? false;
  }

  vaultAvailable(): boolean {
    return this.deps.passphrases?.available() ?? false;
  }

  /** Drops stored passphrases of keys no longer remembered; true when any went. */
  retainPassphrases(paths: readonly string[]): boolean {
    return this.deps.passphrases?.retain(paths) ?? false;
  }

  remember(path: string): void {
    const paths = this.deps.settings.get().agentKeyPaths;
    if (!paths.includes(path)) this.deps.settings.update({ agentKeyPaths: [...paths, path] });
  }

  forget(path: string): void {
    const paths = this.deps.settings.get().agentKeyPaths;
    if (paths.includes(path)) this.deps.settings.update({ agentKeyPaths: paths.filter((p) => p !== path) });
    this.deps.passphrases?.delete(path);
  }

  /**
   * Keeps the passphrase of a remembered key sealed, or (none given: the
   * option unchecked, or a key without one) deletes a stored one. Sealing
   * that fails leaves the key loaded and remembered, and says so.
   */
  storePassphrase(path: string, passphrase: string | undefined): void {
    const store = this.deps.passphrases;
    if (!store) return;
    if (!passphrase) {
      store.delete(path);
      return;
    }
    try {
      store.put(path, passphrase);
    } catch (error) {
      store.delete(path);
      // The error's text comes from the keychain, never holds the passphrase; the name is enough.
      this.deps.log.warn('agent: passphrase not stored', { file: path, code: errorCode(error) });
      this.deps.notify({ code: 'agent.passphraseNotStored', params: { file: path } });
    }
  }

  /**
   * Each file asks for its passphrase once (a file already loaded is
   * skipped). Paths are absolute (the shells resolve command-line paths
   * where they were typed); failures become notices.
   */
  async load(files: string[]): Promise<void> {
    for (const file of new Set(files)) {
      if (this.stopped) return;
      try {
        const path = requireUserPath(file);
        if (await this.loadWithStoredPassphrase(path)) continue;
        await unlockKeyFileIntoAgent(path, this.deps.store, this.deps.prompts);
      } catch (error) {
        const info: ErrorInfo = isAppError(error) ? error.toInfo() : { code: 'internal', params: {} };
        this.deps.log.warn('agent: key not loaded at start', { file, code: info.code });
        // Cancelling the passphrase is the user's choice, not news.
        if (info.code !== 'keys.unlockCancelled') {
          this.deps.notify({ ...info, params: { file, ...info.params } });
        }
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * A remembered key with a stored passphrase loads without a prompt. When
   * the passphrase cannot be opened (keychain changed or gone) or no longer
   * fits (key file changed), the stale entry is dropped, the user is told,
   * and false sends the caller on to the prompt. Other failures (file
   * missing) keep the entry and are thrown as before.
   */
  private async loadWithStoredPassphrase(path: string): Promise<boolean> {
    const store = this.deps.passphrases;
    if (!store?.has(path)) return false;
    if (this.deps.store.list().some((key) => key.source === path)) return true;
    const drop = (why: string) => {
      store.delete(path);
      this.deps.log.warn('agent: stored passphrase dropped', { file: path, reason: why });
      this.deps.notify({ code: 'agent.storedPassphraseFailed', params: { file: path } });
      this.deps.changed();
      return false;
    };
    let passphrase: string | null;
    try {
      passphrase = store.reveal(path);
    } catch (error) {
      return drop(errorCode(error));
    }
    if (passphrase === null) return false;
    try {
      await this.deps.store.addFromFile(path, passphrase);
      return true;
    } catch (error) {
      if (
        isAppError(error) &&
        (error.code === 'keys.wrongPassphrase' || error.code === 'keys.passphraseRequired')
      ) {
        return drop(error.code);
      }
      throw error;
    }
  }
}
