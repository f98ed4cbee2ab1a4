import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { DEPLOYERS, readAskProfiles } from '../project/ask-resources';
import { git } from '../project/git';
import { projectFiles } from '../project/project-files';

interface AskResources {
  profiles?: Record<string, { skillInfrastructure?: { type?: string } }>;
}
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
  checkIsCleanHostedSkillRepository(hostedDir);
  const hostedManifest = readJson<SkillManifest>(path.join(hostedDir, 'skill-package', 'skill.json'));
  const hostedResources = readJson<AskResources>(path.join(hostedDir, 'ask-resources.json'));

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

  const projectResources = readJson<AskResources>(path.join(projectRoot, 'ask-resources.json'));
  const hostedProfiles = hostedResources.profiles ?? {};
  const addedProfiles = Object.entries(projectResources.profiles ?? {}).filter(
    ([name, profile]) => profile.skillInfrastructure?.type !== DEPLOYERS.hosted && !(name in hostedProfiles),
  );
  await writeJson(path.join(hostedDir, 'ask-resources.json'), {
    ...projectResources,
    profiles: { ...hostedProfiles, ...Object.fromEntries(addedProfiles) },
  });
  // Amazon provisions the hosted endpoint; a manifest pushed without it would unset it.
  const { endpoint, regions } = hostedManifest.manifest?.apis?.custom ?? {};
  if (endpoint || regions) {
    const manifestPath = path.join(hostedDir, 'skill-package', 'skill.json');
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

function checkIsCleanHostedSkillRepository(hostedDir: string): void {
  if (!existsSync(path.join(hostedDir, 'ask-resources.json'))) {
    throw new Error(
      `${hostedDir} has no ask-resources.json: give the folder \`ask new\` or \`ask init\` created.`,
    );
  }
  if (!readAskProfiles(hostedDir).some((profile) => profile.deployer === DEPLOYERS.hosted)) {
    throw new Error(
      `${hostedDir} is not an Alexa-hosted skill: no profile in its ask-resources.json uses ${DEPLOYERS.hosted}.`,
    );
  }
  if (realpathSync(git(hostedDir, ['rev-parse', '--show-toplevel'])) !== realpathSync(hostedDir)) {
    throw new Error(`${hostedDir} is not the top of a git repository.`);
  }
  // The copy must be reviewable (and revertible) with git alone.
  if (git(hostedDir, ['status', '--porcelain'])) {
    throw new Error(`${hostedDir} has uncommitted changes: commit or stash them first.`);
  }
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
