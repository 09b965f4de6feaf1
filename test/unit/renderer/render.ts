// Renders a renderer component to static HTML in Node, with the app's real
// texts in one language: enough to check names and caps without a browser.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { textBundle } from '../../../src/renderer/i18n';

type Language = 'de' | 'en';

const instances = new Map<Language, typeof i18next>();

/** An i18next instance with all of the app's texts (as the app loads them), one per language. */
export async function i18nFor(language: Language): Promise<typeof i18next> {
  let i18n = instances.get(language);
  if (!i18n) {
    i18n = i18next.createInstance();
    await i18n.use(initReactI18next).init({
      lng: language,
      resources: { [language]: { translation: textBundle(language) } },
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
  const i18n = await i18nFor(language);
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
