// What a shell (the desktop app, the headless host) says when its backend
// cannot start, before any window or setting exists: in the system's language
// (German unless it is English), since the settings that name the app's
// language could not be read yet.
import { isAppError } from '../core/app-error';
import { errorCode } from '../core/log';
import { mainTranslator } from '../core/texts/main-i18n';

export interface StartRefusal {
  title: string;
  message: string;
}

/** `systemLocale`: Electron's `app.getLocale()` (`en-GB`) or a POSIX `LANG` (`en_GB.UTF-8`). */
export function startRefusal(error: unknown, systemLocale: string): StartRefusal {
  const t = mainTranslator(/^en(?:[-_.]|$)/i.test(systemLocale) ? 'en' : 'de', 'start');
  if (isAppError(error) && error.code === 'storage.dataFolderInUse') {
    const { folder, pid } = error.params as { folder?: unknown; pid?: unknown };
    return { title: t('title'), message: t('dataFolderInUse', { folder: String(folder), pid: String(pid) }) };
  }
  // Anything else is a bug or a broken installation: name it, the log has the rest.
  // The error's code, never its message (which could quote a file).
  return { title: t('title'), message: t('failed', { code: errorCode(error) }) };
}
