import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cloneProjectFromGit } from 'ask-cli/dist/lib/controllers/hosted-skill-controller/clone-flow';
import { git, gitEnv } from './git';

function writeFileWithFolders(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
const writeJson = (file: string, value: unknown) =>
  writeFileWithFolders(file, JSON.stringify(value, null, 2));

export interface HostedSkillClone {
  /** The bare repository standing in for the skill's repository at Amazon. */
  remote: string;
  /** The folder ask-cli cloned it into. */
  clone: string;
}

/**
 * What `ask new` (Alexa-hosted) leaves: ask-cli's own clone flow run on a local bare repository holding an
 * Alexa-hosted template on branches master and prod, with the ask-resources.json and ask-states.json it
 * writes for the profile. git never asks a credential helper about a local repository, so none runs.
 */
export function createHostedSkillClone(
  workspace: string,
  { profile = 'default', skillId }: { profile?: string; skillId: string },
): HostedSkillClone {
  const remote = path.join(workspace, 'hosted-remote.git');
  const clone = path.join(workspace, 'hosted-skill');
  const template = path.join(workspace, 'hosted-template');
  git(workspace, 'init', '-q', '--bare', '--initial-branch=master', remote);
  git(workspace, 'init', '-q', '--initial-branch=master', template);
  writeJson(path.join(template, 'skill-package', 'skill.json'), {
    manifest: {
      apis: { custom: { endpoint: { uri: `arn:aws:lambda:us-east-1:123456789012:function:${skillId}` } } },
      manifestVersion: '1.0',
    },
  });
  writeFileWithFolders(
    path.join(template, 'lambda', 'index.js'),
    "exports.handler = require('./util').handler;\n",
  );
  writeFileSync(path.join(template, 'lambda', 'util.js'), 'exports.handler = async () => ({});\n');
  // The three entries ask-cli's clone adds, so that its clone leaves a clean working tree.
  writeFileSync(path.join(template, '.gitignore'), 'lambda/node_modules\n.ask/\nask-resources.json\n');
  git(template, 'add', '-A');
  git(template, 'commit', '-q', '-m', 'Alexa-hosted template');
  git(template, 'push', '-q', remote, 'master', 'master:prod');

  // ask-cli creates the folder and its ask-resources.json first, then clones into it.
  writeJson(path.join(clone, 'ask-resources.json'), {
    askcliResourcesVersion: '2020-03-31',
    profiles: {
      [profile]: {
        skillMetadata: { src: './skill-package' },
        code: { default: { src: './lambda' } },
        skillInfrastructure: { type: '@ask-cli/hosted-skill-deployer' },
      },
    },
  });
  writeJson(path.join(clone, '.ask', 'ask-states.json'), {
    askcliStatesVersion: '2020-03-31',
    profiles: { [profile]: { skillId } },
  });
  withGitEnv(() => cloneProjectFromGit(clone, skillId, 'Hosted skill', profile, remote, false));
  return { remote, clone };
}

/** ask-cli runs git through the shell with process.env. */
function withGitEnv<T>(action: () => T): T {
  const saved = { ...process.env };
  Object.assign(process.env, gitEnv);
  try {
    return action();
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}
