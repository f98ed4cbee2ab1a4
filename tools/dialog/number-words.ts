/**
 * AMAZON.NUMBER as Alexa fills it: digits stay digits, English number words become digits
 * ("one hundred and five" → 105, "a thousand" → 1000). Anything that is not a whole number is undefined,
 * so a sample with a number slot does not match "add some".
 */
export function numberFromWords(words: string[]): number | undefined {
  if (words.length === 1 && /^\d+$/.test(words[0])) return Number(words[0]);
  const [first, ...rest] = words;
  if (first === 'minus' || first === 'negative') {
    const magnitude = numberFromWords(rest);
    return magnitude === undefined ? undefined : -magnitude;
  }
  if (words.length === 1 && first === 'zero') return 0;
  return positiveNumberFromWords(words);
}

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** Reads groups of up to three digits ("two hundred and five") each closed by a falling scale word. */
function positiveNumberFromWords(words: string[]): number | undefined {
  let total = 0;
  let group = 0;
  let hasHundreds = false;
  let hasTens = false;
  let hasUnits = false;
  let lastScale = Infinity;
  let previous = '';
  for (const [index, word] of words.entries()) {
    const next = words[index + 1];
    if (word === 'and') {
      // only "hundred and five" / "thousand and one"
      if (!(previous === 'hundred' || previous in SCALES) || next === undefined) return undefined;
    } else if (
      word === 'a' &&
      index === 0 &&
      (next === 'hundred' || (next !== undefined && next in SCALES))
    ) {
      group = 1;
      hasUnits = true;
    } else if (word in UNITS) {
      if (hasUnits) return undefined;
      group += UNITS[word];
      hasUnits = true;
    } else if (word in TEENS || word in TENS) {
      if (hasTens || hasUnits) return undefined;
      group += word in TEENS ? TEENS[word] : TENS[word];
      hasTens = true;
      hasUnits = word in TEENS;
    } else if (word === 'hundred') {
      if (hasHundreds || hasTens || group > 9) return undefined;
      group = (group || 1) * 100;
      hasHundreds = true;
      hasUnits = false;
    } else if (word in SCALES) {
      const scale = SCALES[word];
      if (scale >= lastScale) return undefined;
      total += (group || 1) * scale;
      lastScale = scale;
      group = 0;
      hasHundreds = hasTens = hasUnits = false;
    } else {
      return undefined;
    }
    previous = word;
  }
  return words.length > 0 ? total + group : undefined;
}
