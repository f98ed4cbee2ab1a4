import type { NumberWords } from '../languages/language';
import { toWords, unspacedKey, type Word } from './words';

/**
 * AMAZON.NUMBER as Alexa fills it: digits of any script stay digits, number words become digits ("one hundred
 * and five" → 105, "dreiundzwanzig" → 23, "二十三" → 23, "-1" and "minus one" → -1). Anything that is not a
 * whole number is undefined, so a sample with a number slot does not match "add some".
 */
export type NumberReader = (words: Word[]) => number | undefined;

const readers = new WeakMap<NumberWords, NumberReader>();

/**
 * No whole number Alexa fills is said in more words than this: "seven hundred seventy seven million seven hundred
 * seventy seven thousand seven hundred seventy seven" has 15, and "九千九百九十九万" is 8 kanji.
 */
const MAX_NUMBER_WORDS = 30;

/**
 * The reader for a language's number words, built once: the library's spellings of 0–999 read backwards, then
 * the numbers of the language it also reads ("five" in Hinglish).
 */
export function numberReaderFor(numbers: NumberWords): NumberReader {
  let reader = readers.get(numbers);
  if (!reader) {
    const own = createNumberReader(numbers);
    const other = numbers.alsoReads && numberReaderFor(numbers.alsoReads);
    reader = other ? (words) => own(words) ?? other(words) : own;
    readers.set(numbers, reader);
  }
  return reader;
}

/**
 * Words are compared joined without spaces, so "quatre-vingt-dix-sept", "quatre vingt dix sept" and the
 * one-word "drieëntwintig" or "二十三" all read the same way. Numbers from 1000 on are a multiplier, a scale
 * word and a remainder ("zwei|tausend|sechsundzwanzig", "二|千|二十六").
 */
function createNumberReader(numbers: NumberWords): NumberReader {
  const sameAs = (numbers.sameAs ?? []).map(
    ([said, spelledAs]) => [unspacedKey(said), unspacedKey(spelledAs)] as const,
  );
  const keyOf = (words: Word[]) => numberKey(words, numbers.connectors, sameAs);
  const phraseKeyOf = (text: string) => keyOf(toWords(text));
  const ones = new Set(numbers.one.map(phraseKeyOf));
  const spelled = new Map<string, number>();
  const learn = (key: string, value: number) => {
    if (!spelled.has(key)) spelled.set(key, value);
  };
  for (let value = 0; value < 1000; value++) {
    const key = phraseKeyOf(numbers.spell(value));
    learn(key, value);
    if (value < 100 || value >= 200) continue;
    // "hundred and five" and "a hundred and five" beside "one hundred and five"
    const one = [...ones].find((word) => key.startsWith(word) && key.length > word.length);
    if (!one) continue;
    const hundreds = key.slice(one.length);
    learn(hundreds, value);
    for (const word of ones) learn(word + hundreds, value);
  }
  // "zwei tausend" but not "zwei tausend tausend": the multiplier stays below the next scale up
  const limitOf = (value: number) => {
    const nextScale = Math.min(...Object.values(numbers.scales).filter((other) => other > value));
    return Number.isFinite(nextScale) ? nextScale : value * 1000;
  };
  const scales = Object.entries(numbers.scales)
    .map(([word, value]) => ({ scale: phraseKeyOf(word), value, limit: limitOf(value) }))
    .sort((a, b) => b.value - a.value);
  const minus = numbers.minus.map(phraseKeyOf);
  const { attachedConnector } = numbers;
  // "ألف وواحد": the remainder after a scale word may carry the connector written onto it
  const withoutConnector = (key: string) =>
    attachedConnector && key.startsWith(attachedConnector) ? key.slice(attachedConnector.length) : key;

  const read = (key: string): number | undefined => {
    if (/^\d+$/.test(key)) return Number(key);
    const known = spelled.get(key);
    if (known !== undefined) return known;
    for (const { scale, value, limit } of scales) {
      const at = key.indexOf(scale);
      if (at < 0) continue;
      const before = key.slice(0, at);
      const after = withoutConnector(key.slice(at + scale.length));
      const multiplier = before === '' || ones.has(before) ? 1 : read(before);
      const rest = after === '' ? 0 : read(after);
      if (multiplier && multiplier * value < limit && rest !== undefined && rest < value) {
        return multiplier * value + rest;
      }
    }
    return undefined;
  };

  return (words) => {
    if (words.length > MAX_NUMBER_WORDS) return undefined;
    const key = keyOf(words);
    if (/^-\d+$/.test(key)) return Number(key);
    const sign = minus.find((word) => key.startsWith(word) && key.length > word.length);
    if (!sign) return read(key);
    const magnitude = read(key.slice(sign.length));
    return magnitude === undefined ? undefined : -magnitude;
  };
}

/** The words as one string without spaces, connectors inside the number left out, spelling variants folded. */
function numberKey(
  words: Word[],
  connectors: string[],
  sameAs: readonly (readonly [string, string])[],
): string {
  const inside = (index: number) => index > 0 && index < words.length - 1;
  let key = words
    .filter((word, index) => !(inside(index) && connectors.includes(word.key)))
    .map((word) => word.key)
    .join('');
  for (const [said, spelledAs] of sameAs) key = key.replaceAll(said, spelledAs);
  return key;
}
