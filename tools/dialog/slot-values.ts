import { createHash } from 'node:crypto';
import type { Slot, slu } from 'ask-sdk-model';
import type { InteractionModel, SlotType, SlotTypeValue } from './interaction-model';
import type { NumberReader } from './number-words';
import { keysOf, phraseKey, spokenOf, type Word } from './words';

/** A slot filled from some words of the utterance. */
export interface SlotFill {
  value: string;
  resolutions?: slu.entityresolution.Resolutions;
  /** How sure the match is, per word: 1 for a listed value or a number, less for text taken on trust. */
  confidence: number;
}

/** Words Alexa fills into built-in types it knows but we do not model (AMAZON.City, AMAZON.SearchQuery, ...). */
const PASSED_THROUGH = 0.5;
/** Alexa fills custom types with unlisted values too, but prefers a reading where the value is listed. */
const UNLISTED_CUSTOM = 0.25;
/** A number slot with words that are not a number ("add some"): Alexa sends "?", if nothing reads better. */
const UNREADABLE = 0.25;

/** Alexa knows the value: a listed value or synonym, or a number it could read. */
export function isRecognised(fill: SlotFill): boolean {
  return fill.confidence === 1;
}

/** A value Alexa only takes when the words around it make the intent plain: unlisted, or no number it can read. */
export function isGuess(fill: SlotFill): boolean {
  return fill.confidence < PASSED_THROUGH;
}

/** Fills a slot of a type with words, the way Alexa would, with how sure that reading is. */
export type SlotFiller = (typeName: string, words: Word[]) => SlotFill;

export function createSlotFiller(
  model: InteractionModel,
  skillId: string,
  readNumber: NumberReader,
): SlotFiller {
  const valuesByType = new Map(
    (model.interactionModel.languageModel.types ?? []).map((type) => [type.name, indexValues(type)]),
  );
  return (typeName, words) => {
    const spoken = spokenOf(words);
    if (typeName === 'AMAZON.NUMBER') {
      const number = readNumber(words);
      return number === undefined
        ? { value: '?', confidence: UNREADABLE }
        : { value: String(number), confidence: 1 };
    }
    const values = valuesByType.get(typeName);
    if (!values) return { value: spoken, confidence: PASSED_THROUGH };
    const matches = values.get(keysOf(words)) ?? [];
    const authority = `amzn1.er-authority.echo-sdk.${skillId}.${typeName}`;
    if (matches.length === 0) {
      return {
        value: spoken,
        resolutions: { resolutionsPerAuthority: [noMatch(authority)] },
        // an extended built-in type still knows its catalogue's values
        confidence: typeName.startsWith('AMAZON.') ? PASSED_THROUGH : UNLISTED_CUSTOM,
      };
    }
    return {
      value: spoken,
      resolutions: {
        resolutionsPerAuthority: [
          {
            authority,
            status: { code: 'ER_SUCCESS_MATCH' },
            values: matches.map((match) => ({ value: { name: match.name.value, id: valueId(match) } })),
          },
        ],
      },
      confidence: 1,
    };
  };
}

/** The request's slot object, as Alexa sends it: `value` and `resolutions`, repeated in `slotValue`. */
export function toSlot(name: string, fill: SlotFill | undefined): Slot {
  if (!fill) return { name, confirmationStatus: 'NONE' };
  const { value, resolutions } = fill;
  return {
    name,
    value,
    ...(resolutions && { resolutions }),
    confirmationStatus: 'NONE',
    slotValue: { type: 'Simple', value, ...(resolutions && { resolutions }) },
  };
}

/** The type's values by the comparable form of each of their names and synonyms. */
function indexValues(type: SlotType): Map<string, SlotTypeValue[]> {
  const index = new Map<string, SlotTypeValue[]>();
  for (const value of type.values) {
    for (const phrase of new Set([value.name.value, ...(value.name.synonyms ?? [])].map(phraseKey))) {
      index.set(phrase, [...(index.get(phrase) ?? []), value]);
    }
  }
  return index;
}

/** Alexa omits `values` when nothing matched, although ask-sdk-model's type requires the field. */
function noMatch(authority: string): slu.entityresolution.Resolution {
  return { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } } as slu.entityresolution.Resolution;
}

/** A value without an id in the model gets one from Alexa; a hash of its name keeps ours stable between runs. */
function valueId(value: SlotTypeValue): string {
  return value.id ?? createHash('md5').update(value.name.value).digest('hex');
}
