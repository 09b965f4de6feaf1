import { describe, expect, it } from 'vitest';
import { SettingsService } from '../../../../src/main/services/settings/settings-service';
import { createMemoryStore } from '../../../../src/main/storage/document-store';
import {
  defaultLoggingSettings,
  defaultSettings,
  defaultTerminalSettings,
  settingsSchema,
  settingsUpdateSchema,
  type Settings,
} from '../../../../src/shared/model/settings';

describe('settings', () => {
  it('loads a file written before terminal, logging and start settings existed, with their defaults', () => {
    const old = {
      schemaVersion: 1,
      language: 'de',
      firmPrefix: 'iserv',
      fullName: 'max.muster',
      email: 'max@firma.de',
      phone: '',
      defaultKeyPath: '',
    };
    const settings = settingsSchema.parse(old);
    expect(settings.terminal).toEqual(defaultTerminalSettings);
    expect(settings.logging).toEqual(defaultLoggingSettings);
    expect(settings).toMatchObject({ startAtLogin: false, startHidden: true, keepaliveSeconds: 240 });
  });

  it('completes a group a file holds only in part', () => {
    const settings = settingsSchema.parse({ ...defaultSettings, terminal: { fontSize: 18 } });
    expect(settings.terminal).toEqual({ ...defaultTerminalSettings, fontSize: 18 });
  });

  it('merges an update of one field of a group, keeping the others', () => {
    const service = new SettingsService(
      createMemoryStore<Settings>({
        ...defaultSettings,
        terminal: { ...defaultTerminalSettings, theme: 'dark' },
      }),
    );
    const update = settingsUpdateSchema.parse({ terminal: { fontSize: 16 }, logging: { mode: 'all' } });
    const next = service.update(update);
    expect(next.terminal).toEqual({ ...defaultTerminalSettings, theme: 'dark', fontSize: 16 });
    expect(next.logging).toEqual({ ...defaultLoggingSettings, mode: 'all' });
    expect(service.get()).toEqual(next);
  });

  it('refuses values out of range, and an update without a group leaves it alone', () => {
    expect(settingsUpdateSchema.safeParse({ terminal: { fontSize: 200 } }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ logging: { mode: 'keys' } }).success).toBe(false);
    const service = new SettingsService(createMemoryStore<Settings>(defaultSettings));
    expect(service.update({ language: 'en' }).terminal).toEqual(defaultTerminalSettings);
  });

  it('refuses a relative log folder when saved, keeping what was stored', () => {
    const service = new SettingsService(createMemoryStore<Settings>(defaultSettings));
    expect(() => service.update({ logging: { mode: 'printable', folder: 'logs' } })).toThrow(
      expect.objectContaining({ code: 'path.notAbsolute' }),
    );
    expect(service.get().logging).toEqual(defaultLoggingSettings);
    expect(service.update({ logging: { folder: '~/logs' } }).logging.folder).toBe('~/logs');
    expect(service.update({ logging: { folder: '' } }).logging.folder).toBe('');
  });
});
