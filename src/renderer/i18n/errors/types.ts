// Every error code needs a German and an English text: the compiler checks it.
// Texts use i18next interpolation: `{{type}}` takes the error's params.
export type ErrorTexts<Code extends string> = { de: Record<Code, string>; en: Record<Code, string> };
