import type { ModelSlot } from './interaction-model';
import { isGuess, isRecognised, type SlotFill, type SlotFiller } from './slot-values';
import { wordKeys, type Word } from './words';

/** A sample utterance ("add {amount} to the counter") split into the words to hear and the slots to fill. */
export interface Sample {
  intent: string;
  text: string;
  parts: Part[];
}

type Part = { word: string } | { slot: ModelSlot };

export interface SampleMatch {
  sample: Sample;
  slots: Map<string, SlotFill>;
  /** From 0 to 1: the share of the utterance the sample explains, weighted by how sure each slot fill is. */
  score: number;
  /** Filler words the match left out ("please", "can you"): phrasing no sample covers. */
  ignored: Word[];
}

/**
 * Filler phrases, as word keys, that Alexa lets pass around what a user means; none when matching is strict.
 * An ignored word is neither evidence for a sample nor against it.
 */
export type Fillers = string[][];

/** Below this score a match is a guess, and the utterance goes to AMAZON.FallbackIntent as on Alexa. */
const MIN_SCORE = 0.5;
/**
 * Leaving words out is for utterances that are otherwise plainly a sample: a match that is already half a guess
 * ("book me a flight" as "{I_Want} {article} {pet}") does not get to ignore "please" as well.
 */
const TOLERANT_MIN_SCORE = 0.75;
/**
 * What an ignored filler word weighs when readings are ranked: less than a word a sample explains, so an exact
 * sample wins, and more than a word taken on trust into an open slot (0.5), so "cat please" fills "cat".
 */
const IGNORED_WORD = 0.75;
/**
 * The longest slot value tried, in words. People say no slot value this long (Alexa caps custom values at 140
 * characters), and the bound keeps a long utterance from costing words² slot readings per sample.
 */
const MAX_SLOT_WORDS = 20;
/**
 * What Alexa hears in one turn is a sentence or two. Longer input (a pasted text) matches no sample, which also
 * bounds the matcher's recursion and work.
 */
const MAX_UTTERANCE_WORDS = 100;

/** Compiles a sample; undefined when it names a slot the intent does not declare (Alexa rejects such a model). */
export function compileSample(intent: string, slots: ModelSlot[], text: string): Sample | undefined {
  const parts: Part[] = [];
  for (const [index, piece] of text.split(/\{([^}]*)\}/).entries()) {
    if (index % 2 === 0) {
      parts.push(...wordKeys(piece).map((word) => ({ word })));
    } else {
      const slot = slots.find((candidate) => candidate.name === piece.trim());
      if (!slot) return undefined;
      parts.push({ slot });
    }
  }
  return { intent, text, parts };
}

/**
 * The sample that explains the words best; on a tie the one with fewer slot words, then the earlier one.
 * A match must explain at least half of the words it did not ignore.
 */
export function bestMatch(
  samples: Sample[],
  words: Word[],
  fill: SlotFiller,
  fillers: Fillers = [],
): SampleMatch | undefined {
  if (words.length > MAX_UTTERANCE_WORDS) return undefined;
  let best: { match: SampleMatch; slotWords: number } | undefined;
  for (const sample of samples) {
    const reading = bestReading(sample.parts, words, fill, fillers);
    if (!reading) continue;
    const heard = words.length - reading.ignored.length;
    const minimum = reading.ignored.length > 0 ? TOLERANT_MIN_SCORE : MIN_SCORE;
    if (heard === 0 || reading.confidence / heard < minimum || !anchored(sample, reading)) continue;
    const score = weight(reading) / words.length;
    const better =
      !best || score > best.match.score || (score === best.match.score && reading.slotWords < best.slotWords);
    const { slots, ignored, slotWords } = reading;
    if (better) best = { match: { sample, slots, score, ignored }, slotWords };
  }
  return best?.match;
}

/**
 * A sample of slots alone ("{number}", "{size} {pet}") has no words of its own to anchor it, so Alexa only takes
 * it when a slot recognises its value and none is a guess: "hello" is no "{number}".
 */
function anchored(sample: Sample, reading: Reading): boolean {
  if (sample.parts.some((part) => 'word' in part)) return true;
  const fills = [...reading.slots.values()];
  return fills.some(isRecognised) && !fills.some(isGuess);
}

interface Reading {
  slots: Map<string, SlotFill>;
  confidence: number;
  slotWords: number;
  ignored: Word[];
}

const weight = (reading: Pick<Reading, 'confidence' | 'ignored'>) =>
  reading.confidence + IGNORED_WORD * reading.ignored.length;

/**
 * Tries every way of spreading the words over the sample's slots (each slot takes at least one word), with or
 * without each filler phrase between the sample's parts.
 */
function bestReading(parts: Part[], words: Word[], fill: SlotFiller, fillers: Fillers): Reading | undefined {
  // The best reading of parts[p..] over words[w..] does not depend on how the earlier words were read.
  const memo = new Map<string, Reading | undefined>();
  const read = (p: number, w: number): Reading | undefined => {
    const key = `${p}:${w}`;
    if (!memo.has(key)) memo.set(key, readFrom(p, w));
    return memo.get(key);
  };
  const readFrom = (p: number, w: number): Reading | undefined => {
    const readings = fillersAt(w).map((filler): Reading | undefined => {
      const rest = read(p, w + filler.length);
      return rest && { ...rest, ignored: [...words.slice(w, w + filler.length), ...rest.ignored] };
    });
    readings.push(readPart(p, w));
    return readings.reduce((best, reading) =>
      reading && (!best || weight(reading) > weight(best)) ? reading : best,
    );
  };
  const fillersAt = (w: number) =>
    fillers.filter((filler) => filler.every((key, index) => words[w + index]?.key === key));
  const readPart = (p: number, w: number): Reading | undefined => {
    if (p === parts.length)
      return w === words.length ? { slots: new Map(), confidence: 0, slotWords: 0, ignored: [] } : undefined;
    const part = parts[p];
    const partsAfter = parts.length - p - 1;
    if (words.length - w < partsAfter + 1) return undefined;
    if ('word' in part) {
      if (words[w].key !== part.word) return undefined;
      const rest = read(p + 1, w + 1);
      return rest && { ...rest, confidence: rest.confidence + 1 };
    }
    let best: Reading | undefined;
    let bestWeight = 0;
    for (let end = w + 1; end <= Math.min(words.length - partsAfter, w + MAX_SLOT_WORDS); end++) {
      const rest = read(p + 1, end);
      if (!rest) continue;
      const slotFill = fill(part.slot.type, words.slice(w, end));
      const confidence = rest.confidence + slotFill.confidence * (end - w);
      // weighed before its slots are copied: most spans lose
      const readingWeight = weight({ confidence, ignored: rest.ignored });
      if (best && readingWeight <= bestWeight) continue;
      best = {
        ...rest,
        slots: new Map([[part.slot.name, slotFill], ...rest.slots]),
        confidence,
        slotWords: rest.slotWords + end - w,
      };
      bestWeight = readingWeight;
    }
    return best;
  };
  return read(0, 0);
}
