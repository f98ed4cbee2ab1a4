import { enUS } from './locales/en-US';
import { Speech } from './speech';

export type { Speech } from './speech';

/**
 * One line per locale, and one import above. The first listed locale of a language also answers that language's
 * other countries.
 */
const speechByLocale: Readonly<Record<string, Speech>> = {
  'en-US': enUS,
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
