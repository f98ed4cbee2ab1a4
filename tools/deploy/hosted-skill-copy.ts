import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { type AskProfile, DEPLOYERS, readAskResources } from '../project/ask-resources';
import { git } from '../project/git';
import { isTopOfGitCheckout, projectFiles } from '../project/project-files';
import { skillManifestPath } from '../project/skill-package';

interface SkillManifest {
  manifest?: { apis?: { custom?: { endpoint?: unknown; regions?: unknown } } };
}

/**
 * Makes the repository of an Alexa-hosted skill (the folder `ask new` or `ask init --hosted-skill-id`
 * cloned) hold this project, so that pushing it deploys this code. Its lambda/ and skill-package/ are
 * replaced and every other project file is copied, but what ties the folder to its skill is kept: its
 * .ask/ask-states.json (the skill id), its ask-resources.json profiles, and the endpoint in its skill.json.
 * The project's own Alexa-hosted profile, which names no skill, gives way to the folder's; its other profiles
 * are added unless the folder has a profile of that name.
 * Returns the project files copied, relative to the folder.
 */
export async function copyProjectToHostedSkill(projectRoot: string, hostedDir: string): Promise<string[]> {
  const hostedProfiles = checkIsCleanHostedSkillRepository(hostedDir);
  const manifestPath = skillManifestPath(hostedDir);
  const hostedManifest = readJson<SkillManifest>(manifestPath);

  // Files git would commit here: tracked or new, never ignored ones (node_modules, .ask build output).
  const files = projectFiles(projectRoot).filter(
    (file) => file !== 'ask-resources.json' && file !== '.ask/ask-states.json',
  );

  for (const replaced of ['lambda', 'skill-package']) {
    rmSync(path.join(hostedDir, replaced), { recursive: true, force: true });
  }
  for (const file of files) {
    mkdirSync(path.dirname(path.join(hostedDir, file)), { recursive: true });
    copyFileSync(path.join(projectRoot, file), path.join(hostedDir, file));
  }

  const project = readAskResources(projectRoot);
  const hostedNames = hostedProfiles.map((profile) => profile.name);
  const addedProfiles = project.profiles.filter(
    (profile) => profile.deployer !== DEPLOYERS.hosted && !hostedNames.includes(profile.name),
  );
  await writeJson(path.join(hostedDir, 'ask-resources.json'), {
    ...project.file,
    profiles: entriesOf([...hostedProfiles, ...addedProfiles]),
  });
  // Amazon provisions the hosted endpoint; a manifest pushed without it would unset it.
  const { endpoint, regions } = hostedManifest.manifest?.apis?.custom ?? {};
  if (endpoint || regions) {
    const { manifest } = readJson<SkillManifest>(manifestPath);
    const custom = {
      ...manifest?.apis?.custom,
      ...(endpoint ? { endpoint } : {}),
      ...(regions ? { regions } : {}),
    };
    await writeJson(manifestPath, { manifest: { ...manifest, apis: { ...manifest?.apis, custom } } });
  }
  return files;
}

/** Returns the folder's profiles, which it keeps. */
function checkIsCleanHostedSkillRepository(hostedDir: string): AskProfile[] {
  if (!existsSync(path.join(hostedDir, 'ask-resources.json'))) {
    throw new Error(
      `${hostedDir} has no ask-resources.json: give the folder \`ask new\` or \`ask init\` created.`,
    );
  }
  const { profiles } = readAskResources(hostedDir);
  if (!profiles.some((profile) => profile.deployer === DEPLOYERS.hosted)) {
    throw new Error(
      `${hostedDir} is not an Alexa-hosted skill: no profile in its ask-resources.json uses ${DEPLOYERS.hosted}.`,
    );
  }
  if (!isTopOfGitCheckout(hostedDir)) throw new Error(`${hostedDir} is not the top of a git repository.`);
  // The copy must be reviewable (and revertible) with git alone.
  if (git(hostedDir, ['status', '--porcelain'])) {
    throw new Error(`${hostedDir} has uncommitted changes: commit or stash them first.`);
  }
  return profiles;
}

/** The `profiles` object of ask-resources.json, each profile's entry as its file had it. */
function entriesOf(profiles: AskProfile[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(profiles.map((profile) => [profile.name, profile.entry]));
}

/** The parts of a JSON file this code reads; a missing file reads as {}. */
function readJson<T extends object>(file: string): T {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : ({} as T);
}

/** Written as the project's Prettier settings format it, so `npm run lint` stays clean there. */
async function writeJson(file: string, value: unknown): Promise<void> {
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(JSON.stringify(value, null, 2), { ...options, parser: 'json' }));
}
