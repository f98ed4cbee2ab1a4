/**
 * What Alexa hears: speech has no case, punctuation or accents to rely on, so utterances, samples and slot
 * values are all compared as lists of lower-case words. What a word is depends on the script: Latin, Arabic
 * and Devanagari words run between spaces (with their vowel signs and other marks), whereas Japanese writes no
 * spaces, so each kanji or kana is a word of its own and "５を足して" matches "{amount} を 足して".
 */
import { KANA_AND_KANJI } from '../languages/language';

export interface Word {
  /** The word as typed, lower-cased: what a slot value reports. */
  spoken: string;
  /** The word as matching compares it: accents and spelling variants folded, digits in ASCII. */
  key: string;
  /** Written onto the previous word with no space, as kana and kanji are. */
  joined: boolean;
}

const TOKEN = new RegExp(
  [
    // a number with its sign: "-1" is minus one, not the word "1"
    '(?<![\\p{L}\\p{M}\\p{N}])-\\p{Nd}+',
    // one kanji or kana
    `[${KANA_AND_KANJI}]`,
    // a word of a spaced script, with its marks (Devanagari vowel signs are marks, not separators)
    `(?:(?![${KANA_AND_KANJI}])[\\p{L}\\p{M}\\p{N}'])+`,
  ].join('|'),
  'gu',
);
const STARTS_UNSPACED = new RegExp(`^[${KANA_AND_KANJI}]`, 'u');

export function toWords(text: string): Word[] {
  const normalized = text
    .normalize('NFKC') // full-width digits and letters, half-width kana
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\u2212/g, '-')
    .replace(/(\d),(?=\d{3}\b)/g, '$1'); // "1,000" is one number
  const words: Word[] = [];
  let previousEnd = -1;
  for (const match of normalized.matchAll(TOKEN)) {
    const spoken = match[0].replace(/^'+|'+$/g, '');
    const joined = match.index === previousEnd && STARTS_UNSPACED.test(spoken);
    previousEnd = match.index + match[0].length;
    if (spoken.length > 0) words.push({ spoken, key: keyOf(spoken), joined });
  }
  return words;
}

/** The keys of a text's words, to compare it word by word: "What's the Count?" → "what's", "the", "count". */
export function wordKeys(text: string): string[] {
  return toWords(text).map((word) => word.key);
}

/** The comparable form of a phrase: "What's  the Count?" → "what's the count". */
export function phraseKey(text: string): string {
  return keysOf(toWords(text));
}

/** The comparable form of a phrase without spaces, for words written together: "二十三", "quatre-vingt-dix". */
export function unspacedKey(text: string): string {
  return wordKeys(text).join('');
}

export function keysOf(words: Word[]): string {
  return words.map((word) => word.key).join(' ');
}

/** The words as a slot value: spaced as typed between words, none between kana and kanji. */
export function spokenOf(words: Word[]): string {
  return words.map((word, index) => (index > 0 && !word.joined ? ` ${word.spoken}` : word.spoken)).join('');
}

/**
 * Folds what people write in more than one way and Alexa hears as one: Latin accents ("crème" = "creme"),
 * Arabic short vowels and the forms of alef, the Devanagari nukta and chandrabindu ("हज़ार" = "हजार"), and
 * digits of every script. Marks that make a different letter, such as Japanese voiced kana (が is not か) and
 * Devanagari vowel signs, stay.
 */
function keyOf(word: string): string {
  return word
    .normalize('NFD')
    .replace(/(?<=\p{Script=Latin})\p{M}+/gu, '')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '') // Arabic harakat and tatweel
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ → ا
    .replace(/\u0649/g, '\u064A') // ى → ي
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/\u093C/g, '') // Devanagari nukta
    .replace(/\u0901/g, '\u0902') // chandrabindu → anusvara
    .replace(/\p{Nd}/gu, asciiDigit)
    .normalize('NFC');
}

/** The first digit (zero) of each run of ten digits Alexa's locales write: ASCII, Arabic-Indic, Persian, Devanagari. */
const ZEROS = [0x30, 0x660, 0x6f0, 0x966];

function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0) ?? 0x30;
  const zero = ZEROS.find((start) => code >= start && code < start + 10);
  return zero === undefined ? digit : String(code - zero);
}
