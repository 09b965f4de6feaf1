// What a shell (the desktop app, the headless host) says when its backend
// cannot start, before any window or setting exists: in the system's language
// (German unless it is English), since the settings that name the app's
// language could not be read yet.
import { isAppError } from '../core/app-error';
import { errorCode } from '../core/log';

export interface StartRefusal {
  title: string;
  message: string;
}

/** `systemLocale`: Electron's `app.getLocale()` (`en-GB`) or a POSIX `LANG` (`en_GB.UTF-8`). */
export function startRefusal(error: unknown, systemLocale: string): StartRefusal {
  const de = !/^en(?:[-_.]|$)/i.test(systemLocale);
  const title = de ? 'Fernwartung kann nicht starten' : 'Fernwartung cannot start';
  if (isAppError(error) && error.code === 'storage.dataFolderInUse') {
    const { folder, pid } = error.params as { folder?: unknown; pid?: unknown };
    return {
      title,
      message: de
        ? `Fernwartung läuft bereits mit dem Datenordner ${String(folder)} (Prozess ${String(pid)}, die Desktop-App oder der Dienst im Browser). Beenden Sie diese Instanz zuerst oder verwenden Sie sie weiter.`
        : `Fernwartung is already running with the data folder ${String(folder)} (process ${String(pid)}, the desktop app or the browser service). Quit that instance first, or keep using it.`,
    };
  }
  // Anything else is a bug or a broken installation: name it, the log has the rest.
  // The error's code, never its message (which could quote a file).
  const what = errorCode(error);
  return {
    title,
    message: de
      ? `Der Start ist fehlgeschlagen (${what}). Einzelheiten stehen im Protokoll.`
      : `Starting failed (${what}). The log has the details.`,
  };
}
