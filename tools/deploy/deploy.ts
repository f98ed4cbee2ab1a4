/**
 * `npm run deploy [-- --profile <ASK CLI profile>]`: deploys the way ask-resources.json says the profile
 * deploys. Alexa-hosted: build, check that the committed JavaScript is what the sources build, and push
 * HEAD to the hosted repository's master branch (the development stage). Any other deployer: `ask deploy`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chosenAskProfile, deployerOf, HOSTED_DEPLOYER } from './ask-project';
import { git } from './git';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Runs a command with the terminal attached; throws when it fails. */
function run(command: string, args: string[]): void {
  // npm is a .cmd file on Windows, which only a shell can start.
  const shell = command === 'npm' && process.platform === 'win32';
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit', shell });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed`);
}

function deployHostedSkill(): void {
  run('npm', ['run', 'build']);
  const uncommitted = git(PROJECT_ROOT, ['status', '--porcelain', '--', 'lambda', 'skill-package']);
  if (uncommitted) {
    throw new Error(
      `A push deploys only what is committed, and these files are not:\n${uncommitted}\n` +
        'Review them (git diff; if `npm run build` changed lambda/index.js, the lines it removed may be an edit ' +
        'made in the developer console: make it in lambda/src too), commit, and run npm run deploy again.',
    );
  }
  run('git', ['push', 'origin', 'HEAD:refs/heads/master']);
  console.log(
    'Pushed to master: Alexa-hosted builds and deploys it to the development stage in a minute or two.',
  );
}

function main(): void {
  const { values } = parseArgs({ options: { profile: { type: 'string', short: 'p' } } });
  const profile = chosenAskProfile(values.profile);
  const deployer = deployerOf(PROJECT_ROOT, profile);
  // Alexa rejects a broken model only after the upload; finding it here is faster.
  run('npm', ['run', 'lint:skill']);
  if (deployer === HOSTED_DEPLOYER) deployHostedSkill();
  else run(process.execPath, [require.resolve('ask-cli/dist/bin/ask.js'), 'deploy', '--profile', profile]);
}

try {
  main();
} catch (error) {
  console.error(`npm run deploy: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
