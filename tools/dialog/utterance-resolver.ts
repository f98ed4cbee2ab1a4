import type { Intent } from 'ask-sdk-model';
import { requireLanguage, type Language } from '../languages';
import { findIntent, type InteractionModel, type ModelIntent } from './interaction-model';
import { createInvocationParser } from './invocation';
import { numberReaderFor } from './number-words';
import { bestMatch, compileSample, type Fillers, type Sample, type SampleMatch } from './sample-matcher';
import { createSlotFiller, toSlot, type SlotFill } from './slot-values';
import { keysOf, phraseKey, spokenOf, toWords, wordKeys, type Word } from './words';

/** What Alexa makes of one utterance. */
export type Understanding =
  /** "open hello counter", "ask hello counter" */
  | { kind: 'launch' }
  /**
   * An intent of the model. `invoked` when the utterance named the skill ("ask hello counter to add one"),
   * which starts a new session; `sample` is the sample utterance that matched, if one did, and `ignored` the
   * filler words it needed to leave out ("please").
   */
  | { kind: 'intent'; intent: Intent; invoked: boolean; sample?: string; ignored?: string[] }
  /** "exit" in a session: Alexa closes the skill with a SessionEndedRequest. */
  | { kind: 'end-session' }
  /** Outside a session an utterance that does not name the skill goes to Alexa, not to this skill. */
  | { kind: 'not-for-skill' };

export interface UtteranceResolver {
  readonly invocationName: string;
  readonly language: Language;
  understand(utterance: string, context: { inSession: boolean }): Understanding;
  /** The slot values in an answer to an elicitation of `slotName` ("a small one"), if the answer gives any. */
  answerToElicitation(
    utterance: string,
    intentName: string,
    slotName: string,
  ): Map<string, SlotFill> | undefined;
  /** The intent as a request carries it: every declared slot, filled or not. */
  toIntent(intentName: string, fills: Map<string, SlotFill>): Intent;
}

const FALLBACK = 'AMAZON.FallbackIntent';

export function createUtteranceResolver(
  model: InteractionModel,
  options: {
    locale: string;
    skillId: string;
    /** Match samples as written, without ignoring any filler word. */
    strict?: boolean;
  },
): UtteranceResolver {
  const { locale, skillId, strict = false } = options;
  const language = requireLanguage(locale);
  const languageModel = model.interactionModel.languageModel;
  const fillSlot = createSlotFiller(model, skillId, numberReaderFor(language.numbers));
  const samples = languageModel.intents.flatMap((intent) => intentSamples(intent, language));
  const exitKeys = new Set(language.endSession.map(phraseKey));
  const fillers: Fillers = strict ? [] : language.fillers.map(wordKeys);
  const parseInvocation = createInvocationParser(language.invocation, languageModel.invocationName);
  const match = (words: Word[]) => bestMatch(samples, words, fillSlot, fillers);

  const toIntent = (intentName: string, fills: Map<string, SlotFill>): Intent => {
    const declared = findIntent(model, intentName)?.slots ?? [];
    return {
      name: intentName,
      confirmationStatus: 'NONE',
      slots: Object.fromEntries(declared.map(({ name }) => [name, toSlot(name, fills.get(name))])),
    };
  };

  const intentOf = (match: SampleMatch | undefined, words: Word[], invoked: boolean): Understanding => {
    if (match) {
      return {
        kind: 'intent',
        intent: toIntent(match.sample.intent, match.slots),
        invoked,
        sample: match.sample.text,
        ...(match.ignored.length > 0 && { ignored: asWritten(match.ignored, words) }),
      };
    }
    return {
      kind: 'intent',
      intent: toIntent(unmatchedIntent(languageModel.intents, words), new Map()),
      invoked,
    };
  };

  return {
    invocationName: languageModel.invocationName,
    language,

    understand(utterance, { inSession }) {
      const words = toWords(utterance);
      const invocation = parseInvocation(words);
      if (invocation?.kind === 'launch') return { kind: 'launch' };
      if (invocation?.kind === 'one-shot') {
        for (const reading of invocation.readings) {
          const matched = match(reading);
          if (matched) return intentOf(matched, reading, true);
        }
        return intentOf(undefined, invocation.readings[0], true);
      }
      if (!inSession) return { kind: 'not-for-skill' };
      if (exitKeys.has(keysOf(words))) return { kind: 'end-session' };
      return intentOf(match(words), words, false);
    },

    answerToElicitation(utterance, intentName, slotName) {
      const intent = findIntent(model, intentName);
      const slot = intent?.slots?.find((candidate) => candidate.name === slotName);
      if (!intent || !slot) return undefined;
      // The slot's own samples, a bare value, and the intent's samples that carry the slot
      const carrying = (intent.samples ?? []).filter((sample) => sample.includes(`{${slotName}}`));
      const answers = [`{${slotName}}`, ...(slot.samples ?? []), ...carrying]
        .map((text) => compileSample(intentName, intent.slots ?? [], text))
        .filter((sample): sample is Sample => sample !== undefined);
      return bestMatch(answers, toWords(utterance), fillSlot, fillers)?.slots;
    },

    toIntent,
  };
}

/**
 * Ignored words as the user wrote them: kana and kanji written together are one word ("えっと", not "え", "っ",
 * "と"), whereas words with spaces between them stay apart ("could", "you").
 */
function asWritten(ignored: Word[], words: Word[]): string[] {
  const runs: Word[][] = [];
  let previous = -1;
  for (const word of ignored) {
    const at = words.indexOf(word);
    const last = runs.at(-1);
    if (last && word.joined && at === previous + 1) last.push(word);
    else runs.push([word]);
    previous = at;
  }
  return runs.map(spokenOf);
}

/** An intent's own samples, then, for built-in intents, the phrases Alexa already knows for them. */
function intentSamples(intent: ModelIntent, language: Language): Sample[] {
  const texts = [...(intent.samples ?? []), ...(language.builtInPhrases[intent.name] ?? [])];
  return texts
    .map((text) => compileSample(intent.name, intent.slots ?? [], text))
    .filter((sample): sample is Sample => sample !== undefined);
}

/**
 * Where Alexa sends what no sample explains: AMAZON.FallbackIntent when the model has it. A model without it gets
 * the utterance forced onto one of its own intents; we pick the one whose samples share the most words.
 */
function unmatchedIntent(intents: ModelIntent[], words: Word[]): string {
  if (intents.some((intent) => intent.name === FALLBACK)) return FALLBACK;
  const heard = new Set(words.map((word) => word.key));
  const shared = (intent: ModelIntent) => {
    const sampleWords = new Set((intent.samples ?? []).flatMap(wordKeys));
    return [...sampleWords].filter((word) => heard.has(word)).length;
  };
  const custom = intents.filter((intent) => !intent.name.startsWith('AMAZON.'));
  const candidates = custom.length > 0 ? custom : intents;
  return candidates.reduce((best, intent) => (shared(intent) > shared(best) ? intent : best)).name;
}
