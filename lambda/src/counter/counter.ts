/**
 * The counter's rules: plain functions on numbers, no Alexa or storage types, so they are easy to test and
 * to change.
 */

export const MIN_AMOUNT = 1;
export const MAX_AMOUNT = 1000;
/** Beyond this a JavaScript number stops counting exactly, so the count stops growing there. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

export type AmountCheck = { valid: true; amount: number } | { valid: false };

/**
 * Reads the amount a user asked to add. No amount means one; anything but a whole number from MIN_AMOUNT to
 * MAX_AMOUNT is refused. Alexa fills AMAZON.NUMBER with digits, or "?" when it heard a number it could not
 * understand.
 */
export function checkAmount(spoken: string | undefined): AmountCheck {
  if (spoken === undefined || spoken.trim() === '') return { valid: true, amount: 1 };
  if (!/^\d+$/.test(spoken.trim())) return { valid: false };
  const amount = Number(spoken.trim());
  return amount >= MIN_AMOUNT && amount <= MAX_AMOUNT ? { valid: true, amount } : { valid: false };
}

export function addToCount(count: number, amount: number): number {
  return Math.min(count + amount, MAX_COUNT);
}

export function isValidCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
