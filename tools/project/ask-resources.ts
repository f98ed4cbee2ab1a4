import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What ask-cli's project files say: `ask-resources.json` maps each ASK CLI profile to a deployer and its
 * settings, and `.ask/ask-states.json` holds each profile's skill id once the skill exists. Profiles are
 * told apart by their deployer, never by their name: `ask new` renames the `default` profile to the
 * user's own, and an Alexa-hosted repository names its profile after whoever cloned it.
 */

export const DEPLOYERS = {
  hosted: '@ask-cli/hosted-skill-deployer',
  cloudFormation: '@ask-cli/cfn-deployer',
  lambda: '@ask-cli/lambda-deployer',
} as const;

export interface AskProfile {
  name: string;
  /** `skillInfrastructure.type`; undefined for a profile that deploys only the skill package. */
  deployer: string | undefined;
  /** `skillInfrastructure.userConfig`: runtime, handler, templatePath, lambda settings... */
  userConfig: Record<string, unknown>;
  /** The profile's entry as the file has it (skillMetadata, code, skillInfrastructure), to write it back. */
  entry: Record<string, unknown>;
}

/** ask-resources.json: its profiles, and the whole file for a tool that writes it back. */
export interface AskResources {
  profiles: AskProfile[];
  file: Record<string, unknown>;
}

const RESOURCES_FILE = 'ask-resources.json';
const STATES_FILE = path.join('.ask', 'ask-states.json');

/** The profile ask-cli itself would use: an explicit one, then ASK_DEFAULT_PROFILE, then "default". */
export function chosenAskProfile(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.ASK_DEFAULT_PROFILE || 'default';
}

/** Every profile of ask-resources.json, in file order. */
export function readAskProfiles(projectRoot: string): AskProfile[] {
  return readAskResources(projectRoot).profiles;
}

export function readAskResources(projectRoot: string): AskResources {
  const file = path.join(projectRoot, RESOURCES_FILE);
  const resources = objectAt(readJson(file), [], file);
  const profiles = objectAt(resources, ['profiles'], file);
  return {
    file: resources,
    profiles: Object.entries(profiles).map(([name, value]) => {
      const infrastructure = objectAt(value, ['skillInfrastructure'], file, `profiles.${name}`);
      const { type } = infrastructure;
      if (type !== undefined && typeof type !== 'string') {
        throw new Error(`${RESOURCES_FILE}: profiles.${name}.skillInfrastructure.type must be a string.`);
      }
      return {
        name,
        deployer: type,
        userConfig: objectAt(infrastructure, ['userConfig'], file, `profiles.${name}.skillInfrastructure`),
        entry: objectAt(value, [], file, `profiles.${name}`),
      };
    }),
  };
}

/** The profile called `name`; throws a message naming the profiles there are. */
export function askProfile(projectRoot: string, name: string): AskProfile {
  const profiles = readAskProfiles(projectRoot);
  const profile = profiles.find((candidate) => candidate.name === name);
  if (!profile?.deployer) {
    throw new Error(
      `${RESOURCES_FILE} has no deployer for the profile "${name}" ` +
        `(it has: ${profiles.map((candidate) => candidate.name).join(', ')}). ` +
        'Choose one with --profile <name> or ASK_DEFAULT_PROFILE.',
    );
  }
  return profile;
}

/** The skill id ask-cli recorded for `profile`, if the skill has been created or cloned. */
export function skillIdOf(projectRoot: string, profile: string): string | undefined {
  const file = path.join(projectRoot, STATES_FILE);
  if (!existsSync(file)) return undefined;
  const skillId = objectAt(readJson(file), ['profiles', profile], file).skillId;
  return typeof skillId === 'string' && skillId.trim() ? skillId.trim() : undefined;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path.basename(file)}: ${(error as Error).message}`, { cause: error });
  }
}

/** The object at `keys` inside `value` ({} where absent); throws when something on the way is not an object. */
function objectAt(value: unknown, keys: string[], file: string, prefix?: string): Record<string, unknown> {
  let current = value;
  const walked: string[] = prefix ? [prefix] : [];
  for (const key of ['', ...keys]) {
    if (key) {
      walked.push(key);
      current = (current as Record<string, unknown>)[key] ?? {};
    }
    if (typeof current !== 'object' || current === null || Array.isArray(current)) {
      throw new Error(`${path.basename(file)}: ${walked.join('.') || 'the file'} must be a JSON object.`);
    }
  }
  return current as Record<string, unknown>;
}
