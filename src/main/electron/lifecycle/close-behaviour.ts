// What closing the window does. The app is an agent first (Pageant's place):
// closing the window never ends it, only Quit does.
import type { Language } from '../../../shared/model/settings';

/**
 * `hide` keeps the window's page (and with it the open terminal tabs and
 * their scrollback) while sessions are live, so reopening shows them as they
 * were; with none live the window is really closed (`close`), which frees the
 * renderer's memory for a tray agent that runs all day. While quitting the
 * window always closes.
 */
export function windowCloseAction(input: { quitting: boolean; liveSessions: number }): 'hide' | 'close' {
  if (input.quitting) return 'close';
  return input.liveSessions > 0 ? 'hide' : 'close';
}

export interface CloseNotice {
  title: string;
  body: string;
}

/** Where the tray icon sits, in the words each system uses. */
function trayPlace(language: Language, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return language === 'de' ? 'in der Menüleiste' : 'in the menu bar';
  if (platform === 'win32')
    return language === 'de' ? 'im Infobereich der Taskleiste' : 'in the notification area of the taskbar';
  return language === 'de' ? 'im Systembereich der Leiste' : 'in the system tray';
}

/** The first close's notice: the app and its agent keep running, and where to find and quit them. */
export function closeNotice(language: Language, platform: NodeJS.Platform): CloseNotice {
  const place = trayPlace(language, platform);
  return language === 'de'
    ? {
        title: 'Fernwartung läuft weiter',
        body: `Der Agent und offene Sitzungen bleiben aktiv. Das Symbol ${place} öffnet das Fenster wieder; dort wird Fernwartung auch beendet.`,
      }
    : {
        title: 'Fernwartung keeps running',
        body: `The agent and open sessions stay active. The icon ${place} opens the window again; quit Fernwartung from there.`,
      };
}
