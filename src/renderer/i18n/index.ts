// i18next with German as default and English. UI texts come per area
// (locales/*.ts), error texts per capability (errors/*.ts, key `errors.<code>`).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/model/settings';
import { agentErrorTexts } from './errors/agent';
import { coreErrorTexts } from './errors/core';
import { keyErrorTexts } from './errors/keys';
import { sshErrorTexts } from './errors/ssh';
import { appTexts } from './locales/app';
import { terminalTexts } from './locales/terminal';
import { keyTexts } from './locales/keys';
import { agentTexts } from './locales/agent';
import { sessionTexts } from './locales/sessions';
import { movingInTexts } from './locales/moving-in';
import { settingsTexts } from './locales/settings';
import { tabTexts } from './locales/tabs';

const errorTexts = [coreErrorTexts, keyErrorTexts, agentErrorTexts, sshErrorTexts];
const areaTexts = [
  appTexts,
  terminalTexts,
  keyTexts,
  agentTexts,
  sessionTexts,
  movingInTexts,
  tabTexts,
  settingsTexts,
];

/** All texts of one language, as i18next takes them (also for renderer tests). */
export function textBundle(language: Language) {
  return {
    ...Object.assign({}, ...areaTexts.map((area) => area[language])),
    errors: Object.assign({}, ...errorTexts.map((texts) => texts[language])),
  };
}

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
