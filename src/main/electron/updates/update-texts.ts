// The updater's two questions, in the app's languages (core/texts/).
import type { Language } from '../../../shared/model/settings';
import { mainTranslator } from '../../core/texts/main-i18n';

export interface UpdateQuestion {
  message: string;
  detail: string;
  /** The button that goes ahead (index 0) and the one that waits (index 1, also Escape). */
  buttons: [string, string];
}

export function updateQuestion(
  language: Language,
  kind: 'available' | 'downloaded',
  version: string,
): UpdateQuestion {
  const t = mainTranslator(language, 'update');
  return {
    message: t(`${kind}.message`, { version }),
    detail: t(`${kind}.detail`),
    buttons: [t(`${kind}.go`), t(`${kind}.wait`)],
  };
}
