// i18next with German as default and English. UI texts come per area
// (locales/*.ts), error texts per capability (errors/*.ts, key `errors.<code>`).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/model/settings';
import { textBundle } from './text-bundle';

export { textBundle };

export const i18n = i18next.createInstance();

export async function initI18n(language: Language): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'de',
    resources: { de: { translation: textBundle('de') }, en: { translation: textBundle('en') } },
    // Error codes contain dots; keys are nested only by our own areas.
    keySeparator: '.',
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18n;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
