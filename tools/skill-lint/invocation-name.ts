/**
 * Amazon's rules for custom skill invocation names ("Choose the invocation name for a custom skill" in the
 * Alexa docs), as they apply in each language: the letters, wake words and launch words of the language come
 * from its file in tools/languages. The console rejects a model that breaks them, so we check before deploying.
 */
import { english } from '../languages/en';
import type { InvocationNameRules } from '../languages/language';
import { phraseKey, unspacedKey } from '../dialog/words';

/**
 * Every rule `name` breaks, as sentences; empty when Alexa would accept it. `brandNames` lists one-word names
 * that are brands, which Amazon allows; `rules` are the language's (English when not given).
 */
export function invocationNameProblems(
  name: string,
  brandNames: readonly string[] = [],
  rules: InvocationNameRules = english.invocationName,
): string[] {
  const problems: string[] = [];
  if (/\p{Lu}/u.test(name)) problems.push('must be lower case');
  // The language's letters, spaces, possessive apostrophes and the periods of spelled-out abbreviations ("a. b. c.").
  if (!new RegExp(`^[${rules.letters} '.]*$`, 'u').test(name)) {
    problems.push(
      `may contain only ${rules.lettersDescription}, spaces, apostrophes and periods (spell out numbers)`,
    );
  }
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return ['is empty'];
  if (rules.oneWordNeedsBrand && words.length === 1 && !brandNames.includes(words[0])) {
    problems.push('needs at least two words unless it is a brand name (pass --brand-name to allow it)');
  }
  // compared as the simulator hears them: "أمازون" and "امازون" are one word
  const keys = words.map((word) => phraseKey(word.replace(/['.]/g, '')));
  const unspacedName = rules.unspaced ? unspacedKey(name) : undefined;
  const contains = (word: string) =>
    unspacedName === undefined ? keys.includes(phraseKey(word)) : unspacedName.includes(unspacedKey(word));
  for (const word of rules.reservedWords.filter(contains)) problems.push(`must not contain "${word}"`);
  for (const word of rules.launchWords.filter(contains))
    problems.push(`must not contain the launch word "${word}"`);
  const connecting = new Set(rules.connectingWords.map(phraseKey));
  if (connecting.size > 0 && keys.every((key) => connecting.has(key)))
    problems.push('must not be only connecting words');
  return problems;
}
