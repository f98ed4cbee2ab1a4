import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LOCALE } from '../project/skill-package';

/** The parts of an ask-cli interaction-model file (`skill-package/interactionModels/custom/<locale>.json`) we read. */
export interface InteractionModel {
  interactionModel: {
    languageModel: LanguageModel;
    dialog?: DialogModel;
    prompts?: Prompt[];
  };
}

export interface LanguageModel {
  invocationName: string;
  intents: ModelIntent[];
  types?: SlotType[];
}

export interface ModelIntent {
  name: string;
  samples?: string[];
  slots?: ModelSlot[];
}

export interface ModelSlot {
  name: string;
  type: string;
  /** Utterances that answer an elicitation of this slot ("{size} size"). */
  samples?: string[];
}

export interface SlotType {
  name: string;
  values: SlotTypeValue[];
}

export interface SlotTypeValue {
  id?: string;
  name: { value: string; synonyms?: string[] };
}

export type DelegationStrategy = 'ALWAYS' | 'SKILL_RESPONSE';

export interface DialogModel {
  delegationStrategy?: DelegationStrategy;
  intents?: DialogIntent[];
}

export interface DialogIntent {
  name: string;
  delegationStrategy?: DelegationStrategy;
  confirmationRequired?: boolean;
  prompts?: { confirmation?: string };
  slots?: DialogSlot[];
}

export interface DialogSlot {
  name: string;
  type: string;
  elicitationRequired?: boolean;
  confirmationRequired?: boolean;
  prompts?: { elicitation?: string; confirmation?: string };
}

export interface Prompt {
  id: string;
  variations: { type: 'PlainText' | 'SSML'; value: string }[];
}

export function readInteractionModel(path: string): InteractionModel {
  const model = readJson(path) as InteractionModel;
  if (!model?.interactionModel?.languageModel?.invocationName) {
    throw new Error(
      `${path} is not an interaction model: interactionModel.languageModel.invocationName is missing`,
    );
  }
  return model;
}

/** The file's JSON; what goes wrong names the file, since a tool may be reading a path the user gave it. */
function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    throw new Error(
      `Cannot read the interaction model ${path}: ${code === 'ENOENT' ? 'no such file' : code}`,
      {
        cause: error,
      },
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

export function findIntent(model: InteractionModel, name: string): ModelIntent | undefined {
  return model.interactionModel.languageModel.intents.find((intent) => intent.name === name);
}

export function findDialogIntent(model: InteractionModel, name: string): DialogIntent | undefined {
  return model.interactionModel.dialog?.intents?.find((intent) => intent.name === name);
}

/** "de-DE" from "de-DE.json" or "highlow.de-DE.json", as ask-cli and Amazon's samples name model files. */
export function localeInFileName(path: string): string | undefined {
  const lastPart = /(?:^|\.)([^.]*)\.json$/.exec(basename(path))?.[1];
  return lastPart !== undefined && LOCALE.test(lastPart) ? lastPart : undefined;
}
