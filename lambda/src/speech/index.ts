import { enUS } from './en-US';
import { Speech } from './speech';

export type { Speech } from './speech';

const speechByLocale: Readonly<Record<string, Speech>> = {
  'en-US': enUS,
};

const DEFAULT_LOCALE = 'en-US';

/** The speech for a request's locale: the exact locale, else another of the same language, else English. */
export function speechFor(locale: string | undefined): Speech {
  if (locale && speechByLocale[locale]) return speechByLocale[locale];
  const language = locale?.split('-')[0];
  const sameLanguage = Object.keys(speechByLocale).find((known) => known.split('-')[0] === language);
  return speechByLocale[sameLanguage ?? DEFAULT_LOCALE];
}
