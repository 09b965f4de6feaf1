// What closing the window does. The app is an agent first (Pageant's place):
// closing the window never ends it, only Quit does.
import type { Language } from '../../../shared/model/settings';
import { mainTranslator } from '../../core/texts/main-i18n';

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

/** The first close's notice: the app and its agent keep running, and where to find and quit them (in each system's words). */
export function closeNotice(language: Language, platform: NodeJS.Platform): CloseNotice {
  const t = mainTranslator(language, 'close');
  const place = t(platform === 'darwin' || platform === 'win32' ? `place.${platform}` : 'place.other');
  return { title: t('title'), body: t('body', { place }) };
}
