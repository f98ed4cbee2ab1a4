import type { ModelSlot } from './interaction-model';
import type { SlotFill, SlotFiller } from './slot-values';
import { toWords, type Word } from './words';

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
}

/** Below this score a match is a guess, and the utterance goes to AMAZON.FallbackIntent as on Alexa. */
const MIN_SCORE = 0.5;

/** Compiles a sample; undefined when it names a slot the intent does not declare (Alexa rejects such a model). */
export function compileSample(intent: string, slots: ModelSlot[], text: string): Sample | undefined {
  const parts: Part[] = [];
  for (const [index, piece] of text.split(/\{([^}]*)\}/).entries()) {
    if (index % 2 === 0) {
      parts.push(...toWords(piece).map((word) => ({ word: word.key })));
    } else {
      const slot = slots.find((candidate) => candidate.name === piece.trim());
      if (!slot) return undefined;
      parts.push({ slot });
    }
  }
  return { intent, text, parts };
}

/** The sample that explains the words best; on a tie the one with fewer slot words, then the earlier one. */
export function bestMatch(samples: Sample[], words: Word[], fill: SlotFiller): SampleMatch | undefined {
  if (words.length === 0) return undefined;
  let best: { match: SampleMatch; slotWords: number } | undefined;
  for (const sample of samples) {
    const reading = bestReading(sample.parts, words, fill);
    if (!reading) continue;
    const score = reading.confidence / words.length;
    const better =
      !best || score > best.match.score || (score === best.match.score && reading.slotWords < best.slotWords);
    if (better) best = { match: { sample, slots: reading.slots, score }, slotWords: reading.slotWords };
  }
  return best && best.match.score >= MIN_SCORE ? best.match : undefined;
}

interface Reading {
  slots: Map<string, SlotFill>;
  confidence: number;
  slotWords: number;
}

/** Tries every way of spreading the words over the sample's slots (each slot takes at least one word). */
function bestReading(parts: Part[], words: Word[], fill: SlotFiller): Reading | undefined {
  // The best reading of parts[p..] over words[w..] does not depend on how the earlier words were read.
  const memo = new Map<string, Reading | undefined>();
  const read = (p: number, w: number): Reading | undefined => {
    const key = `${p}:${w}`;
    if (!memo.has(key)) memo.set(key, readFrom(p, w));
    return memo.get(key);
  };
  const readFrom = (p: number, w: number): Reading | undefined => {
    if (p === parts.length)
      return w === words.length ? { slots: new Map(), confidence: 0, slotWords: 0 } : undefined;
    const part = parts[p];
    const partsAfter = parts.length - p - 1;
    if (words.length - w < partsAfter + 1) return undefined;
    if ('word' in part) {
      if (words[w].key !== part.word) return undefined;
      const rest = read(p + 1, w + 1);
      return rest && { ...rest, confidence: rest.confidence + 1 };
    }
    let best: Reading | undefined;
    for (let end = w + 1; end <= words.length - partsAfter; end++) {
      const rest = read(p + 1, end);
      if (!rest) continue;
      const slotFill = fill(part.slot.type, words.slice(w, end));
      const confidence = rest.confidence + slotFill.confidence * (end - w);
      if (!best || confidence > best.confidence) {
        best = {
          slots: new Map([[part.slot.name, slotFill], ...rest.slots]),
          confidence,
          slotWords: rest.slotWords + end - w,
        };
      }
    }
    return best;
  };
  return read(0, 0);
}
