import {
  defaultSettings,
  SETTINGS_VERSION,
  settingsSchema,
  type Settings,
  type SettingsUpdate,
} from '../../shared/model/settings';
import type { VersionedDocument } from '../storage/conf-store';
import type { DocumentStore } from '../storage/document-store';

export const settingsDocument: VersionedDocument<Settings> = {
  schema: settingsSchema,
  version: SETTINGS_VERSION,
  defaults: defaultSettings,
};

export class SettingsService {
  constructor(private readonly store: DocumentStore<Settings>) {}

  get(): Settings {
    return this.store.read();
  }

  /** Merges validated fields; the whole document is checked again before it is written. */
  update(update: SettingsUpdate): Settings {
    const next = settingsSchema.parse({ ...this.store.read(), ...update });
    this.store.write(next);
    return next;
  }
}
