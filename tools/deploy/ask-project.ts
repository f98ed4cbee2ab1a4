import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What ask-cli's project files say: `ask-resources.json` maps each ASK CLI profile to a deployer, and
 * `.ask/ask-states.json` holds each profile's skill id once the skill exists.
 */

export const HOSTED_DEPLOYER = '@ask-cli/hosted-skill-deployer';

/** The profile ask-cli itself would use: an explicit one, then ASK_DEFAULT_PROFILE, then "default". */
export function chosenAskProfile(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.ASK_DEFAULT_PROFILE || 'default';
}

/** The `skillInfrastructure.type` of `profile`; throws a message naming the profiles there are. */
export function deployerOf(projectRoot: string, profile: string): string {
  const resources = readJson(path.join(projectRoot, 'ask-resources.json')) as {
    profiles?: Record<string, { skillInfrastructure?: { type?: string } }>;
  };
  const profiles = resources.profiles ?? {};
  const type = profiles[profile]?.skillInfrastructure?.type;
  if (!type) {
    throw new Error(
      `ask-resources.json has no deployer for the profile "${profile}" (it has: ${Object.keys(profiles).join(', ')}). ` +
        'Choose one with --profile <name> or ASK_DEFAULT_PROFILE.',
    );
  }
  return type;
}

/** The skill id ask-cli recorded for `profile`, if the skill has been created or cloned. */
export function skillIdFromAskStates(projectRoot: string, profile: string): string | undefined {
  const statesPath = path.join(projectRoot, '.ask', 'ask-states.json');
  if (!existsSync(statesPath)) return undefined;
  const states = readJson(statesPath) as { profiles?: Record<string, { skillId?: string }> };
  return states.profiles?.[profile]?.skillId?.trim() || undefined;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}
