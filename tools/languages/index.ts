import type { Language } from './language';

export type { Language } from './language';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see LANGUAGES */
/**
 * The languages of the locales Alexa custom skills support, by language code. Each file is loaded on first use:
 * a tool run speaks one or two languages, and under ts-node every file loaded is compiled at start-up
 * (`npm run bench` measures it).
 */
const LANGUAGES: Record<string, () => Language> = {
  ar: () => (require('./ar') as typeof import('./ar')).arabic,
  de: () => (require('./de') as typeof import('./de')).german,
  en: () => (require('./en') as typeof import('./en')).english,
  es: () => (require('./es') as typeof import('./es')).spanish,
  fr: () => (require('./fr') as typeof import('./fr')).french,
  hi: () => (require('./hi') as typeof import('./hi')).hindi,
  it: () => (require('./it') as typeof import('./it')).italian,
  ja: () => (require('./ja') as typeof import('./ja')).japanese,
  nl: () => (require('./nl') as typeof import('./nl')).dutch,
  pt: () => (require('./pt') as typeof import('./pt')).portuguese,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export const SPOKEN_LANGUAGES = Object.keys(LANGUAGES);

/** The language of a locale ("de-DE" → German), or undefined when the tools do not speak it. */
export function languageOf(locale: string): Language | undefined {
  const code = locale.split('-')[0].toLowerCase();
  return Object.hasOwn(LANGUAGES, code) ? LANGUAGES[code]() : undefined;
}

/** The language of a locale, or an error that says which languages there are and how to add one. */
export function requireLanguage(locale: string): Language {
  const language = languageOf(locale);
  if (language) return language;
  throw new Error(
    `The offline simulator does not speak the language of ${locale}; it speaks ${SPOKEN_LANGUAGES.join(', ')}. ` +
      `To teach it, add a file to tools/languages/.`,
  );
}
