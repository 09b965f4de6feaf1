// All texts of one language as plain objects: no i18next and no DOM here, so
// Node code (renderer tests, the e2e language walk) can read them too.
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
/** The UI texts per area, by name (the texts test checks each area on its own). */
export const textAreas = {
  appTexts,
  terminalTexts,
  keyTexts,
  agentTexts,
  sessionTexts,
  movingInTexts,
  tabTexts,
  settingsTexts,
};
const areaTexts = Object.values(textAreas);

/** All texts of one language, as i18next takes them (also for renderer tests). */
export function textBundle(language: Language) {
  return {
    ...Object.assign({}, ...areaTexts.map((area) => area[language])),
    errors: Object.assign({}, ...errorTexts.map((texts) => texts[language])),
  };
}
