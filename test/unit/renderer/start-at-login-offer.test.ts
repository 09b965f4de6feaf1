// After a key is set up, the desktop app offers Pageant's habit: start at
// login in the tray with this key loaded. Not in the browser, not when it
// already starts at login, and the key is listed once.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { AppContextValue } from '../../../src/renderer/app/context';
import { StartAtLoginOffer, startAtLoginWithKey } from '../../../src/renderer/views/keys/StartAtLoginOffer';
import { defaultSettings, type Settings } from '../../../src/shared/model/settings';
import { renderMovingIn, textOf } from './moving-in-render';

const key = '/home/max/.ssh/iserv_ed25519';

const show = (settings: Settings, shell: 'electron' | 'browser', language: 'de' | 'en' = 'de') =>
  renderMovingIn(createElement(StartAtLoginOffer, { keyPath: key, settings, onSettings() {} }), language, {
    info: { shell, startAtLogin: shell === 'electron', platform: 'win32' } as AppContextValue['info'],
  });

describe('start at login offer', () => {
  it('is offered by the desktop app while it does not start at login', async () => {
    expect(textOf(await show(defaultSettings, 'electron'))).toContain(
      'Mit der Anmeldung starten und diesen Schlüssel laden',
    );
    expect(textOf(await show(defaultSettings, 'electron', 'en'))).toContain(
      'Start at login and load this key',
    );
    expect(await show(defaultSettings, 'browser')).toBe('');
    expect(await show({ ...defaultSettings, startAtLogin: true }, 'electron')).toBe('');
  });

  it('starts hidden at login with the key loaded at start, listed once', () => {
    expect(startAtLoginWithKey({ ...defaultSettings, agentKeyPaths: ['/a'] }, key)).toEqual({
      startAtLogin: true,
      startHidden: true,
      agentKeyPaths: ['/a', key],
    });
    expect(startAtLoginWithKey({ ...defaultSettings, agentKeyPaths: [key] }, key).agentKeyPaths).toEqual([
      key,
    ]);
  });
});
