import type { Intent } from 'ask-sdk-model';
import { builtInPhrases, endSessionPhrases } from './built-in-intents';
import { findIntent, type InteractionModel, type ModelIntent } from './interaction-model';
import { parseInvocation } from './invocation';
import { bestMatch, compileSample, type Sample, type SampleMatch } from './sample-matcher';
import { createSlotFiller, toSlot, type SlotFill } from './slot-values';
import { phraseKey, toWords, type Word } from './words';

/** What Alexa makes of one utterance. */
export type Understanding =
  /** "open hello counter", "ask hello counter" */
  | { kind: 'launch' }
  /**
   * An intent of the model. `invoked` when the utterance named the skill ("ask hello counter to add one"),
   * which starts a new session; `sample` is the sample utterance that matched, if one did.
   */
  | { kind: 'intent'; intent: Intent; invoked: boolean; sample?: string }
  /** "exit" in a session: Alexa closes the skill with a SessionEndedRequest. */
  | { kind: 'end-session' }
  /** Outside a session an utterance that does not name the skill goes to Alexa, not to this skill. */
  | { kind: 'not-for-skill' };

export interface UtteranceResolver {
  readonly invocationName: string;
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
  options: { locale: string; skillId: string },
): UtteranceResolver {
  const { locale, skillId } = options;
  const languageModel = model.interactionModel.languageModel;
  const fillSlot = createSlotFiller(model, skillId);
  const samples = languageModel.intents.flatMap((intent) => intentSamples(intent, locale));
  const exitKeys = new Set(endSessionPhrases(locale).map(phraseKey));

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

    understand(utterance, { inSession }) {
      const words = toWords(utterance);
      const invocation = parseInvocation(words, languageModel.invocationName, locale);
      if (invocation?.kind === 'launch') return { kind: 'launch' };
      if (invocation?.kind === 'one-shot') {
        for (const reading of invocation.readings) {
          const match = bestMatch(samples, reading, fillSlot);
          if (match) return intentOf(match, reading, true);
        }
        return intentOf(undefined, invocation.readings[0], true);
      }
      if (!inSession) return { kind: 'not-for-skill' };
      if (exitKeys.has(phraseKey(utterance))) return { kind: 'end-session' };
      return intentOf(bestMatch(samples, words, fillSlot), words, false);
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
      return bestMatch(answers, toWords(utterance), fillSlot)?.slots;
    },

    toIntent,
  };
}

/** An intent's own samples, then, for built-in intents, the phrases Alexa already knows for them. */
function intentSamples(intent: ModelIntent, locale: string): Sample[] {
  const texts = [...(intent.samples ?? []), ...builtInPhrases(locale, intent.name)];
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
    const sampleWords = new Set(
      (intent.samples ?? []).flatMap((sample) => toWords(sample).map((word) => word.key)),
    );
    return [...sampleWords].filter((word) => heard.has(word)).length;
  };
  const custom = intents.filter((intent) => !intent.name.startsWith('AMAZON.'));
  const candidates = custom.length > 0 ? custom : intents;
  return candidates.reduce((best, intent) => (shared(intent) > shared(best) ? intent : best)).name;
}
