import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where ask-cli keeps the skill package and its state, relative to the project root. */
const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** Used in requests until `ask deploy` has written the real id to .ask/ask-states.json. */
export const PLACEHOLDER_SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';

/** The skill id of ask-cli's `default` profile (or the only profile), else the placeholder. */
export function readSkillId(root = PROJECT_ROOT): string {
  const statesPath = join(root, '.ask', 'ask-states.json');
  if (!existsSync(statesPath)) return PLACEHOLDER_SKILL_ID;
  const states = JSON.parse(readFileSync(statesPath, 'utf8')) as {
    profiles?: Record<string, { skillId?: string }>;
  };
  const profiles = states.profiles ?? {};
  const profile = profiles.default ?? Object.values(profiles)[0];
  return profile?.skillId?.trim() || PLACEHOLDER_SKILL_ID;
}

/** The locales of skill.json, in order: the first is the default, as for `ask dialog`. */
export function readLocales(root = PROJECT_ROOT): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'skill-package', 'skill.json'), 'utf8')) as {
    manifest?: { publishingInformation?: { locales?: Record<string, unknown> } };
  };
  return Object.keys(manifest.manifest?.publishingInformation?.locales ?? {});
}

export function interactionModelPath(locale: string, root = PROJECT_ROOT): string {
  return join(root, 'skill-package', 'interactionModels', 'custom', `${locale}.json`);
}
