/**
 * Amazon's rules for custom skill invocation names ("Choose the invocation name for a custom skill" in the
 * Alexa docs). The console rejects a model that breaks them, so we check before deploying.
 */

// Wake words and the words Amazon reserves; a name containing one would be ambiguous to Alexa.
const RESERVED_WORDS = ['alexa', 'amazon', 'echo', 'computer', 'skill', 'app'];

// Words users say to launch a skill ("Alexa, open ..."), so a name cannot contain them.
const LAUNCH_WORDS = [
  'open',
  'ask',
  'tell',
  'launch',
  'start',
  'load',
  'begin',
  'enable',
  'play',
  'resume',
  'run',
  'use',
];

// A name made only of these says nothing Alexa could match.
const CONNECTING_WORDS = [
  'to',
  'from',
  'in',
  'using',
  'with',
  'about',
  'for',
  'that',
  'by',
  'if',
  'and',
  'whether',
  'of',
  'the',
  'a',
  'an',
];

/**
 * Every rule `name` breaks, as sentences; empty when Alexa would accept it.
 * `brandNames` lists one-word names that are brands, which Amazon allows.
 */
export function invocationNameProblems(name: string, brandNames: readonly string[] = []): string[] {
  const problems: string[] = [];
  if (/\p{Lu}/u.test(name)) problems.push('must be lower case');
  // Letters of any script, spaces, possessive apostrophes and the periods of spelled-out abbreviations ("a. b. c.").
  if (!/^[\p{L}\p{M} '.]*$/u.test(name)) {
    problems.push('may contain only letters, spaces, apostrophes and periods (spell out numbers)');
  }
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return ['is empty'];
  if (words.length === 1 && !brandNames.includes(words[0])) {
    problems.push('needs at least two words unless it is a brand name (pass --brand-name to allow it)');
  }
  for (const word of words) {
    const bare = word.replace(/['.]/g, '');
    if (RESERVED_WORDS.includes(bare)) problems.push(`must not contain "${bare}"`);
    if (LAUNCH_WORDS.includes(bare)) problems.push(`must not contain the launch word "${bare}"`);
  }
  if (words.every((word) => CONNECTING_WORDS.includes(word)))
    problems.push('must not be only connecting words');
  return problems;
}
