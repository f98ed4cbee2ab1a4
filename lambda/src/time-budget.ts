/**
 * Alexa waits 8 seconds for a skill's answer and then tells the user the skill did not respond. Every request
 * plans its storage calls and retries within that budget, or within the Lambda function's own remaining time
 * when that is shorter. The SDK hands a PersistenceAdapter nothing but the request envelope, so the deadline is
 * kept against the envelope object, which the SDK passes along unchanged for the whole request.
 */
export const ALEXA_WAITS_MS = 8000;

/** Kept back from the budget to build the answer and carry it to Alexa. */
const ANSWER_MARGIN_MS = 750;

const deadlines = new WeakMap<object, number>();

/** Starts the clock for a request; `context` is Lambda's, when the skill runs in Lambda. */
export function startTimeBudget(requestEnvelope: object, context?: unknown): void {
  const budget = Math.min(ALEXA_WAITS_MS, lambdaRemainingMs(context) ?? ALEXA_WAITS_MS);
  deadlines.set(requestEnvelope, Date.now() + budget - ANSWER_MARGIN_MS);
}

/**
 * Milliseconds left for work on this request before its answer is due. A request nobody started the clock
 * for (an adapter used outside the skill) gets the full budget from its first question.
 */
export function timeLeftMs(requestEnvelope: object): number {
  let deadline = deadlines.get(requestEnvelope);
  if (deadline === undefined) {
    startTimeBudget(requestEnvelope);
    deadline = deadlines.get(requestEnvelope) ?? Date.now();
  }
  return deadline - Date.now();
}

function lambdaRemainingMs(context: unknown): number | undefined {
  if (typeof context !== 'object' || context === null || !('getRemainingTimeInMillis' in context)) {
    return undefined;
  }
  const { getRemainingTimeInMillis } = context;
  if (typeof getRemainingTimeInMillis !== 'function') return undefined;
  const remaining: unknown = getRemainingTimeInMillis.call(context);
  return typeof remaining === 'number' && Number.isFinite(remaining) ? remaining : undefined;
}
