// i18next for the shell's tray: its own instance with the tray's texts, so
// nothing of the renderer's i18n is imported. Resources are inline, so it is
// ready synchronously and a language switch needs no await.
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/model/settings';
import { trayTexts } from './tray-texts';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'de',
  fallbackLng: 'de',
  resources: { de: { translation: trayTexts.de }, en: { translation: trayTexts.en } },
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The tray's texts in one language. */
export function trayTranslator(language: Language): TFunction {
  return i18n.getFixedT(language);
}
