/**
 * What Alexa hears: speech has no case, punctuation or accents to rely on, so utterances, samples and slot
 * values are all compared as lists of lower-case words.
 */
export interface Word {
  /** The word as typed, lower-cased: what a slot value reports. */
  spoken: string;
  /** The word without accents: what matching compares. */
  key: string;
}

export function toWords(text: string): Word[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/(\d),(?=\d{3}\b)/g, '$1') // "1,000" is one number
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0)
    .map((spoken) => ({ spoken, key: withoutAccents(spoken) }));
}

/** The comparable form of a phrase: "What's  the Count?" → "what's the count". */
export function phraseKey(text: string): string {
  return keysOf(toWords(text));
}

export function keysOf(words: Word[]): string {
  return words.map((word) => word.key).join(' ');
}

export function spokenOf(words: Word[]): string {
  return words.map((word) => word.spoken).join(' ');
}

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}
