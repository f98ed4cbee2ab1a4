import { enUS } from './en-US';
import { Speech } from './speech';

export type { Speech } from './speech';

const speechByLocale: Readonly<Record<string, Speech>> = {
  'en-US': enUS,
};

const DEFAULT_LOCALE = 'en-US';

/**
 * The speech for a request's locale: the exact locale, else another of the same language, else English.
 * The locale comes from the request, so it may be anything: only the map's own entries count.
 */
export function speechFor(locale: unknown): Speech {
  if (typeof locale !== 'string') return speechByLocale[DEFAULT_LOCALE];
  if (Object.hasOwn(speechByLocale, locale)) return speechByLocale[locale];
  const language = locale.split('-')[0];
  const sameLanguage = Object.keys(speechByLocale).find((name) => name.split('-')[0] === language);
  return speechByLocale[sameLanguage ?? DEFAULT_LOCALE];
}
