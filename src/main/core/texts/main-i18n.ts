// i18next for what the main process shows itself (main-texts.ts): one
// instance for both shells, apart from the renderer's. Resources are inline,
// so it is ready synchronously and a language switch needs no await.
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/model/settings';
import { mainTexts, type MainTextNamespace } from './main-texts';

const namespaces = Object.keys(mainTexts.de) as MainTextNamespace[];

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'de',
  fallbackLng: 'de',
  ns: namespaces,
  defaultNS: namespaces[0],
  resources: { de: mainTexts.de, en: mainTexts.en },
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The texts of one place (`tray`, `quit`, …) in one language. */
export function mainTranslator(language: Language, namespace: MainTextNamespace): TFunction {
  return i18n.getFixedT(language, namespace);
}
