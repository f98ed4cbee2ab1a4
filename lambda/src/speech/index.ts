import { arSA } from './locales/ar-SA';
import { deDE } from './locales/de-DE';
import { enAU } from './locales/en-AU';
import { enCA } from './locales/en-CA';
import { enGB } from './locales/en-GB';
import { enIN } from './locales/en-IN';
import { enUS } from './locales/en-US';
import { esES } from './locales/es-ES';
import { esMX } from './locales/es-MX';
import { esUS } from './locales/es-US';
import { frCA } from './locales/fr-CA';
import { frFR } from './locales/fr-FR';
import { hiIN } from './locales/hi-IN';
import { itIT } from './locales/it-IT';
import { jaJP } from './locales/ja-JP';
import { nlNL } from './locales/nl-NL';
import { ptBR } from './locales/pt-BR';
import { Speech } from './speech';

export type { Speech } from './speech';

/**
 * One line per locale, and one import above. The first listed locale of a language also answers that language's
 * other countries.
 */
const speechByLocale: Readonly<Record<string, Speech>> = {
  'ar-SA': arSA,
  'de-DE': deDE,
  'en-US': enUS,
  'en-AU': enAU,
  'en-CA': enCA,
  'en-GB': enGB,
  'en-IN': enIN,
  'es-ES': esES,
  'es-MX': esMX,
  'es-US': esUS,
  'fr-FR': frFR,
  'fr-CA': frCA,
  'hi-IN': hiIN,
  'it-IT': itIT,
  'ja-JP': jaJP,
  'nl-NL': nlNL,
  'pt-BR': ptBR,
};

/** Answers requests in a language the skill does not speak (or its language, once this locale is dropped). */
const DEFAULT_LOCALE = 'en-US';

/** Every locale with speech of its own. */
export const SPEECH_LOCALES: readonly string[] = Object.keys(speechByLocale);

/**
 * The speech for a request's locale: the exact locale, else the first listed of the same language ("de-AT"
 * hears German), else English. The locale comes from the request, so it may be anything: only the map's own
 * entries count.
 */
export function speechFor(locale: unknown): Speech {
  const requested = typeof locale === 'string' ? locale : undefined;
  for (const candidate of [
    requested,
    sameLanguageAs(requested),
    DEFAULT_LOCALE,
    sameLanguageAs(DEFAULT_LOCALE),
  ]) {
    if (candidate && Object.hasOwn(speechByLocale, candidate)) return speechByLocale[candidate];
  }
  return speechByLocale[SPEECH_LOCALES[0]];
}

function sameLanguageAs(locale: string | undefined): string | undefined {
  const language = locale?.split('-')[0];
  return SPEECH_LOCALES.find((known) => known.split('-')[0] === language);
}
