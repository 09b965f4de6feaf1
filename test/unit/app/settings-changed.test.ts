// Every window hears of a settings change made elsewhere (the tray's start at
// login checkbox changes the setting in main, not through the window).
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../src/shared/model/settings';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';

describe('settings.changed', () => {
  const opened: TestBackend[] = [];
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.cleanup();
  });

  it('carries the settings after a change made in main or through the contract', async () => {
    const t = startTestBackend();
    opened.push(t);
    const seen: Settings[] = [];
    t.api.on('settings.changed', (settings) => seen.push(settings));
    t.backend.settings.update({ startAtLogin: true });
    await t.api.settings.update({ language: 'en' });
    expect(seen.map((s) => [s.startAtLogin, s.language])).toEqual([
      [true, 'de'],
      [true, 'en'],
    ]);
  });
});
