import { arabic } from './ar';
import { german } from './de';
import { english } from './en';
import { spanish } from './es';
import { french } from './fr';
import { hindi } from './hi';
import { italian } from './it';
import { japanese } from './ja';
import type { Language } from './language';
import { dutch } from './nl';
import { portuguese } from './pt';

export type { Language } from './language';

/** The languages of the locales Alexa custom skills support, by language code. */
const LANGUAGES: Record<string, Language> = {
  ar: arabic,
  de: german,
  en: english,
  es: spanish,
  fr: french,
  hi: hindi,
  it: italian,
  ja: japanese,
  nl: dutch,
  pt: portuguese,
};

export const SPOKEN_LANGUAGES = Object.keys(LANGUAGES);

/** The language of a locale ("de-DE" → German), or undefined when the tools do not speak it. */
export function languageOf(locale: string): Language | undefined {
  const code = locale.split('-')[0].toLowerCase();
  return Object.hasOwn(LANGUAGES, code) ? LANGUAGES[code] : undefined;
}
