import { resolve } from 'node:path';
import { chosenAskProfile, skillIdOf } from '../project/ask-resources';
import * as skillPackage from '../project/skill-package';

/** Where ask-cli keeps the skill package and its state, relative to the project root. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** Used in requests until `ask deploy` has written the real id to .ask/ask-states.json. */
export const PLACEHOLDER_SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';

/** The skill id ask-cli stored for the profile it would use (as `npm run serve` does), else the placeholder. */
export function readSkillId(root = PROJECT_ROOT): string {
  return skillIdOf(root, chosenAskProfile()) ?? PLACEHOLDER_SKILL_ID;
}

/** The locales of skill.json, in order: the first is the default, as for `ask dialog`. */
export function readLocales(root = PROJECT_ROOT): string[] {
  return skillPackage.readLocales(root);
}

export function interactionModelPath(locale: string, root = PROJECT_ROOT): string {
  return skillPackage.interactionModelPath(locale, root);
}
