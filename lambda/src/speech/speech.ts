/**
 * Everything the skill says, as one typed object per locale: `locales/<locale>.ts`, listed in ./index.ts.
 * Wording that several locales of one language share lives once in `shared/<language>.ts`, and a locale file
 * spreads it and replaces only what that country says differently. A new sentence goes here first; the
 * compiler then points out every locale that lacks it.
 * Numbers are written as digits (ASCII, in every script) so that Alexa reads them in the locale's own words
 * and transcripts can be checked.
 */
export interface Speech {
  welcome(count: number): string;
  reprompt: string;
  hello(count: number): string;
  added(amount: number, count: number): string;
  amountNotAllowed(min: number, max: number): string;
  currentCount(count: number): string;
  reset: string;
  help: string;
  goodbye(count: number): string;
  goodbyeHome: string;
  fallback: string;
  storageUnavailable: string;
  /**
   * Many devices of the user changed the count at once and this change could not be confirmed in time (when
   * its last write got no answer, it may still have counted, so this must not say it did not).
   */
  tooManyUpdates: string;
  /** The user's stored item is at DynamoDB's size limit; trying again will not help. */
  savedDataTooLarge: string;
  somethingWentWrong: string;
}
