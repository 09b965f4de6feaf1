import {
  defaultSettings,
  SETTINGS_VERSION,
  settingsSchema,
  type Settings,
  type SettingsUpdate,
} from '../../../shared/model/settings';
import { requireUserPath } from '../../core/user-path';
import type { VersionedDocument } from '../../storage/conf-store';
import type { DocumentStore } from '../../storage/document-store';

export const settingsDocument: VersionedDocument<Settings> = {
  schema: settingsSchema,
  version: SETTINGS_VERSION,
  defaults: defaultSettings,
};

export class SettingsService {
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly store: DocumentStore<Settings>) {}

  /** Called after every update (e.g. the agent drops stored passphrases of keys no longer remembered). */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(): Settings {
    return this.store.read();
  }

  /** Merges validated fields; the whole document is checked again before it is written. */
  update(update: SettingsUpdate): Settings {
    // A relative log folder would depend on where the app runs: refused when saved, as key paths are.
    const logFolder = update.logging?.folder?.trim();
    if (logFolder) requireUserPath(logFolder);
    const current = this.store.read();
    const next = settingsSchema.parse({
      ...current,
      ...update,
      // Groups merge field by field: changing the font size keeps the theme.
      terminal: { ...current.terminal, ...update.terminal },
      logging: { ...current.logging, ...update.logging },
    });
    this.store.write(next);
    for (const listener of this.listeners) listener(next);
    return next;
  }
}
