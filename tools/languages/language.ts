/**
 * Everything the offline tools know about one language Alexa speaks, in one place: how numbers are said, the
 * phrases of the built-in intents, how people invoke and leave a skill, the words Alexa lets pass, and Amazon's
 * invocation-name rules. The simulator (`tools/dialog`) and `lint:skill` both read it; adding a language is
 * adding one file beside this one and one line in `index.ts`.
 */
export interface Language {
  numbers: NumberWords;
  /** The usual phrases of Alexa's built-in intents (Alexa trains these itself; models list them empty). */
  builtInPhrases: Partial<Record<string, string[]>>;
  /** Phrases that close the skill on a device ("exit"): Alexa sends SessionEndedRequest. */
  endSession: string[];
  invocation: InvocationPhrases;
  /**
   * Politeness, hesitation and carrier phrases Alexa lets pass around what a user means ("please", "can you",
   * "um"). The simulator ignores them when a sample needs that to match, unless run with --strict.
   */
  fillers: string[];
  invocationName: InvocationNameRules;
}

/**
 * How the language says whole numbers. The spellings of 0–999 come from a library (n2words); the rest is what
 * it does not give: the words that build bigger numbers and the forms people use besides the library's.
 */
export interface NumberWords {
  /** The library's spelling of a whole number. */
  spell: (value: number) => string;
  /** Words standing for 1 before "hundred" or a scale word ("a thousand", "ein tausend", "un millón"). */
  one: string[];
  /** Words that multiply what precedes them, with their value: thousand → 1000. */
  scales: Record<string, number>;
  /** Words between the parts of a number that may be said or left out: "one hundred (and) five". */
  connectors: string[];
  /** A connector written onto the next word (Arabic "و" in "ألف وواحد"), which may follow a scale word. */
  attachedConnector?: string;
  /** Words before a number that make it negative: "minus", "negative". */
  minus: string[];
  /**
   * Spellings people use for what the library spells differently: [said, library's]. Each is replaced inside the
   * number's words joined without spaces, in the order listed, so a spelling inside another comes after it.
   */
  sameAs?: [string, string][];
  /** Another language's numbers, which people say mixed into this one: Hinglish says "five जोड़ो". */
  alsoReads?: NumberWords;
}

/** Invocation phrases, with `{name}` for the invocation name and `{request}` for what the user asks. */
export interface InvocationPhrases {
  /** "open {name}" → LaunchRequest */
  launch: string[];
  /** "ask {name} {request}" → the intent for the request, in a new session */
  oneShot: string[];
  /**
   * Words between the name and the request that are not part of it ("to" in "ask … to add one"). One that ends
   * in an apostrophe is written onto the request's first word: French "d'" in "demande à … d'ajouter cinq".
   */
  connectors: string[];
  wakeWord: string;
}

/** How the tools' hints open the skill in this language: "open hello counter", "öffne hallo zähler". */
export function launchExample(phrases: InvocationPhrases, invocationName: string): string {
  return phrases.launch[0].replace('{name}', invocationName);
}

/** How the tools' hints ask the skill something in this language: "ask hello counter …". */
export function oneShotExample(phrases: InvocationPhrases, invocationName: string): string {
  return phrases.oneShot[0].replace('{name}', invocationName).replace('{request}', '…');
}

/** Amazon's invocation-name rules as they apply in this language ("Choose the invocation name…"). */
export interface InvocationNameRules {
  /** The letters a name may use besides spaces, apostrophes and periods, as a character class body. */
  letters: string;
  /** What to call those letters in a message: "letters of the Latin alphabet". */
  lettersDescription: string;
  /** Words Alexa reserves: its wake words, "skill", "app". */
  reservedWords: string[];
  /** Words users say to launch a skill, which a name cannot contain. */
  launchWords: string[];
  /** Words that say nothing alone: a name of only these cannot be matched. */
  connectingWords: string[];
  /**
   * Whether a one-word name needs to be a brand. Japanese writes no spaces, so it has no words to count;
   * German allows one compound word.
   */
  oneWordNeedsBrand: boolean;
  /** Whether names are written without spaces, so reserved and launch words are found inside the name. */
  unspaced?: boolean;
}

/** The letters of the scripts most languages here write with, for `InvocationNameRules.letters`. */
export const LATIN_LETTERS = '\\p{Script=Latin}\\p{M}';

/**
 * Kanji and kana, with the long vowel mark (ー) and the iteration mark (々), as a character class body: Japanese
 * writes them without spaces between words.
 */
export const KANA_AND_KANJI = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC\\u3005';

/** What the invocation-name rules of every language written in Latin letters share: letters, reserved words. */
export const LATIN_NAME_RULES = {
  letters: LATIN_LETTERS,
  lettersDescription: 'letters',
  reservedWords: ['alexa', 'amazon', 'echo', 'computer', 'skill', 'app'],
} satisfies Partial<InvocationNameRules>;
