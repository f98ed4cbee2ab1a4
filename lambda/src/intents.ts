/**
 * Every intent the skill's handlers answer. The interaction models must declare each of them
 * (`npm run lint:skill` checks), and handlers can only match names from this list.
 */
export const HANDLED_INTENTS = [
  'HelloWorldIntent',
  'IncrementIntent',
  'GetCountIntent',
  'ResetCountIntent',
  'AMAZON.HelpIntent',
  'AMAZON.CancelIntent',
  'AMAZON.StopIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.FallbackIntent',
] as const;

export type IntentName = (typeof HANDLED_INTENTS)[number];
