import { languageOf, SPOKEN_LANGUAGES } from '../languages';
import { invocationNameProblems } from './invocation-name';

/** The parts of an interaction model file (`interactionModels/custom/<locale>.json`) the checks read. */
export interface InteractionModelFile {
  interactionModel?: {
    languageModel?: {
      invocationName?: string;
      intents?: { name: string; slots?: { name: string; type?: string }[]; samples?: string[] }[];
      types?: { name: string }[];
    };
  };
}

export interface ModelCheckOptions {
  /** Every intent the skill code answers: the model must declare exactly these. */
  handledIntents: readonly string[];
  /** One-word invocation names that are brands. */
  brandNames: readonly string[];
}

// The built-in intents every custom skill must declare, or the model does not build.
const REQUIRED_BUILT_IN_INTENTS = [
  'AMAZON.CancelIntent',
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.NavigateHomeIntent',
];

/**
 * Every problem in one locale's model, as sentences. The invocation name is checked by the rules of the
 * locale's language; the other checks are the same in every language.
 */
export function interactionModelProblems(
  model: InteractionModelFile,
  options: ModelCheckOptions,
  locale: string,
): string[] {
  const languageModel = model.interactionModel?.languageModel;
  if (!languageModel) return ['has no interactionModel.languageModel'];
  const intents = languageModel.intents ?? [];
  const customTypes = new Set((languageModel.types ?? []).map((type) => type.name));
  const problems: string[] = [];

  const name = languageModel.invocationName ?? '';
  const language = languageOf(locale);
  if (!language) {
    problems.push(
      `invocation name not checked: no rules for the language of ${locale} (tools/languages/ has ${SPOKEN_LANGUAGES.join(', ')})`,
    );
  } else {
    for (const problem of invocationNameProblems(name, options.brandNames, language.invocationName)) {
      problems.push(`invocation name "${name}" ${problem}`);
    }
  }

  const declared = new Set(intents.map((intent) => intent.name));
  for (const intent of new Set([...REQUIRED_BUILT_IN_INTENTS, ...options.handledIntents])) {
    if (declared.has(intent)) continue;
    problems.push(
      REQUIRED_BUILT_IN_INTENTS.includes(intent)
        ? `lacks the required built-in intent ${intent}`
        : `lacks ${intent}, which the skill code handles`,
    );
  }
  for (const intent of declared) {
    if (!options.handledIntents.includes(intent)) {
      problems.push(
        `declares ${intent}, which no handler answers (add it to lambda/src/intents.ts and a handler)`,
      );
    }
  }

  // Alexa cannot tell which intent a sample means when two intents share it; slot names are
  // compared by type, since "add {amount}" and "add {n}" are the same utterance for two NUMBER slots.
  const intentBySample = new Map<string, string>();
  for (const intent of intents) {
    const slotTypes = new Map((intent.slots ?? []).map((slot) => [slot.name, slot.type]));
    for (const slot of intent.slots ?? []) {
      if (!slot.type) problems.push(`${intent.name}: slot {${slot.name}} has no type`);
      else if (!slot.type.startsWith('AMAZON.') && !customTypes.has(slot.type)) {
        problems.push(
          `${intent.name}: slot {${slot.name}} has type ${slot.type}, which is neither built in nor in "types"`,
        );
      }
    }
    for (const sample of intent.samples ?? []) {
      for (const [, slotName] of sample.matchAll(/\{([^}]*)\}/g)) {
        if (!slotTypes.has(slotName)) {
          problems.push(
            `${intent.name}: sample "${sample}" uses slot {${slotName}}, which the intent does not declare`,
          );
        }
      }
      const utterance = sample
        .replace(/\{([^}]*)\}/g, (_, slotName: string) => `{${slotTypes.get(slotName) ?? slotName}}`)
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
      const owner = intentBySample.get(utterance);
      if (owner === undefined) intentBySample.set(utterance, intent.name);
      else if (owner !== intent.name) {
        problems.push(`sample "${sample}" is under two intents, ${owner} and ${intent.name}`);
      }
    }
  }
  return problems;
}
