import { isValidCount } from '../counter/counter';

/** What the skill keeps for each user: the item's `attributes` map. */
export interface UserAttributes {
  counter: number;
}

export interface ParsedAttributes {
  attributes: UserAttributes;
  /** True when the stored counter was missing or unusable and was replaced by a fresh start. */
  repaired: boolean;
}

/**
 * Validates what storage returned. Data written by older versions, by hand or by another tool may hold
 * anything; an unusable counter starts again from zero rather than crash the skill.
 */
export function parseUserAttributes(stored: Readonly<Record<string, unknown>>): ParsedAttributes {
  const isNewUser = Object.keys(stored).length === 0;
  if (isValidCount(stored.counter)) return { attributes: { counter: stored.counter }, repaired: false };
  return { attributes: { counter: 0 }, repaired: !isNewUser };
}
