// Renders a renderer component to static HTML in Node, with the app's real
// texts in one language: enough to check names and caps without a browser.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { agentErrorTexts } from '../../../src/renderer/i18n/errors/agent';
import { coreErrorTexts } from '../../../src/renderer/i18n/errors/core';
import { keyErrorTexts } from '../../../src/renderer/i18n/errors/keys';
import { sshErrorTexts } from '../../../src/renderer/i18n/errors/ssh';
import { agentTexts } from '../../../src/renderer/i18n/locales/agent';
import { appTexts } from '../../../src/renderer/i18n/locales/app';
import { keyTexts } from '../../../src/renderer/i18n/locales/keys';
import { sessionTexts } from '../../../src/renderer/i18n/locales/sessions';
import { terminalTexts } from '../../../src/renderer/i18n/locales/terminal';

type Language = 'de' | 'en';

function bundle(language: Language) {
  const areas = [appTexts, terminalTexts, keyTexts, agentTexts, sessionTexts];
  const errors = [coreErrorTexts, keyErrorTexts, agentErrorTexts, sshErrorTexts];
  return {
    ...Object.assign({}, ...areas.map((area) => area[language])),
    errors: Object.assign({}, ...errors.map((texts) => texts[language])),
  };
}

const instances = new Map<Language, typeof i18next>();

async function instance(language: Language): Promise<typeof i18next> {
  let i18n = instances.get(language);
  if (!i18n) {
    i18n = i18next.createInstance();
    await i18n.use(initReactI18next).init({
      lng: language,
      resources: { [language]: { translation: bundle(language) } },
      // As the app's own setup (src/renderer/i18n/index.ts).
      keySeparator: '.',
      nsSeparator: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(language, i18n);
  }
  return i18n;
}

export async function render(element: ReactElement, language: Language = 'de'): Promise<string> {
  const i18n = await instance(language);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element));
}

/** The text of an HTML fragment: tags dropped, entities decoded, spaces folded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
