/**
 * `npm run deploy [-- --profile <ASK CLI profile>]`: deploys the way ask-resources.json says the profile
 * deploys, after checking what ask-cli would not. Alexa-hosted: check that origin is the skill's own
 * repository and that the committed JavaScript is what the committed sources build, then push HEAD to its
 * master branch (the development stage). CloudFormation or Lambda: check the stack, runtime and table, then
 * `ask deploy`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseOptions, reportFailure } from '../cli/command-line';
import { askProfile, chosenAskProfile, DEPLOYERS } from '../project/ask-resources';
import { git } from '../project/git';
import { checkAskDeployProfiles, checkHostedRepository, DEPLOYED_PROFILE_VARIABLE } from './deploy-checks';
import { hostedBundleDriftAt, STALE_BUNDLE_ADVICE } from './hosted-bundle';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const USAGE = 'Usage: npm run deploy [-- --profile <ASK CLI profile>]';

/** Runs a command with the terminal attached; throws when it fails. */
function run(command: string, args: string[]): void {
  // npm is a .cmd file on Windows, which only a shell can start.
  const shell = command === 'npm' && process.platform === 'win32';
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit', shell });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed`);
}

function deployHostedSkill(profile: string): void {
  const { skillId } = checkHostedRepository(PROJECT_ROOT, profile);
  const drift = hostedBundleDriftAt(PROJECT_ROOT, 'HEAD');
  if (drift !== undefined) {
    throw new Error(
      `lambda/index.js in HEAD is not what the TypeScript in lambda/src builds.\n${STALE_BUNDLE_ADVICE}${drift}`,
    );
  }
  const uncommitted = git(PROJECT_ROOT, ['status', '--porcelain', '--', 'lambda', 'skill-package']);
  if (uncommitted) {
    console.warn(`A push deploys only what is committed; these changes stay behind:\n${uncommitted}`);
  }
  run('git', ['push', 'origin', 'HEAD:refs/heads/master']);
  console.log(
    `Pushed to master: Alexa-hosted builds and deploys skill ${skillId} to the development stage in a minute or two.`,
  );
}

function main(): void {
  const { values } = parseOptions({ options: { profile: { type: 'string', short: 'p' } }, usage: USAGE });
  const profile = askProfile(PROJECT_ROOT, chosenAskProfile(values.profile));
  if (profile.deployer !== DEPLOYERS.hosted) checkAskDeployProfiles(PROJECT_ROOT, [profile]);
  // Alexa rejects a broken model only after the upload; finding it here is faster.
  run('npm', ['run', 'lint:skill']);
  if (profile.deployer === DEPLOYERS.hosted) deployHostedSkill(profile.name);
  else {
    process.env[DEPLOYED_PROFILE_VARIABLE] = profile.name;
    run(process.execPath, [require.resolve('ask-cli/dist/bin/ask.js'), 'deploy', '--profile', profile.name]);
  }
}

try {
  main();
} catch (error) {
  reportFailure(error);
}
