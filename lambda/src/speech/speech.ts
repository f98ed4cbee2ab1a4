/**
 * Everything the skill says, as one typed object per locale. A new locale is a new file implementing
 * Speech plus one line in ./index.ts; the compiler points out any sentence it is missing.
 * Numbers are written as digits so that Alexa reads them naturally and transcripts can be checked.
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
