// Closing the window never ends the app; live sessions keep their page.
import { describe, expect, it } from 'vitest';
import { closeNotice, windowCloseAction } from '../../../../src/main/electron/lifecycle/close-behaviour';

describe('window close', () => {
  it('hides the window while sessions are live, so their tabs come back as they were', () => {
    expect(windowCloseAction({ quitting: false, liveSessions: 1 })).toBe('hide');
  });

  it('closes it for real with no live session, and always when quitting', () => {
    expect(windowCloseAction({ quitting: false, liveSessions: 0 })).toBe('close');
    expect(windowCloseAction({ quitting: true, liveSessions: 3 })).toBe('close');
  });
});

describe('close notice', () => {
  it('names where the icon is, in each system’s words and the chosen language', () => {
    expect(closeNotice('de', 'win32').body).toContain('im Infobereich der Taskleiste');
    expect(closeNotice('de', 'darwin').body).toContain('in der Menüleiste');
    expect(closeNotice('en', 'linux').body).toContain('in the system tray');
    expect(closeNotice('de', 'linux').title).toBe('Fernwartung läuft weiter');
    expect(closeNotice('en', 'win32').title).toBe('Fernwartung keeps running');
  });
});
