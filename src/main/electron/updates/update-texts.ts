// The updater's two questions, in the app's languages. Main-process dialogs
// cannot use the renderer's i18n; two questions need no i18next instance.
import type { Language } from '../../../shared/model/settings';

export interface UpdateQuestion {
  message: string;
  detail: string;
  /** The button that goes ahead (index 0) and the one that waits (index 1, also Escape). */
  buttons: [string, string];
}

const texts = {
  de: {
    available: (version: string): UpdateQuestion => ({
      message: `Fernwartung ${version} ist verfügbar.`,
      detail: 'Jetzt herunterladen? Laufende Sitzungen bleiben offen.',
      buttons: ['Herunterladen', 'Später'],
    }),
    downloaded: (version: string): UpdateQuestion => ({
      message: `Fernwartung ${version} ist heruntergeladen.`,
      detail:
        'Jetzt neu starten und installieren? Offene Sitzungen werden dabei beendet. Sonst wird beim nächsten Beenden installiert.',
      buttons: ['Neu starten', 'Beim Beenden'],
    }),
  },
  en: {
    available: (version: string): UpdateQuestion => ({
      message: `Fernwartung ${version} is available.`,
      detail: 'Download it now? Running sessions stay open.',
      buttons: ['Download', 'Later'],
    }),
    downloaded: (version: string): UpdateQuestion => ({
      message: `Fernwartung ${version} has been downloaded.`,
      detail:
        'Restart and install now? Open sessions will be closed. Otherwise it is installed when you quit.',
      buttons: ['Restart', 'When quitting'],
    }),
  },
} satisfies Record<Language, Record<'available' | 'downloaded', (version: string) => UpdateQuestion>>;

export function updateQuestion(
  language: Language,
  kind: 'available' | 'downloaded',
  version: string,
): UpdateQuestion {
  return texts[language][kind](version);
}
