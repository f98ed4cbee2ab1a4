import { expect } from 'chai';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESTORE_COMMAND } from '../../../tools/deploy/deploy-checks';
import type { OfflineRun } from '../../support/ask-cli-offline';
import { envWithoutCredentials, runCommand } from '../../support/commands';
import { gitEnv } from '../../support/git';
import { commitAll, copyProject, linkProjectNodeModules, PROJECT_ROOT } from '../../support/project-copy';
import { moonTally } from '../../support/rename-names';

/**
 * Starting a skill from this template with ask-cli's own `ask new` and `ask init` code (standing in only for
 * their network calls and prompts, see test/support/ask-cli-offline.ts), as a new user would. The projects
 * they make link this project's node_modules, and run the checks that concern them rather than the whole suite.
 */
const STACK = 'infrastructure/cfn-deployer/skill-stack.yaml';
const BASIC_LAMBDA_STACK =
  require.resolve('ask-cli/dist/lib/builtins/deploy-delegates/cfn-deployer/assets/basic-lambda.yaml');
/** The user's ASK CLI profile: `ask new` renames the template's "default" profile after it. */
const PROFILE = 'work';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * ask new takes a template's "default" profile. This project's CloudFormation profile is that one, but in a
 * project made by ask new it carries the user's profile name: give it its template name back in the copy.
 */
function asTemplate(folder: string): void {
  const file = path.join(folder, 'ask-resources.json');
  const resources = readJson(file);
  const entries = Object.entries<{ skillInfrastructure?: { type?: string } }>(resources.profiles);
  resources.profiles = Object.fromEntries(
    entries.map(([name, profile]) => [
      profile.skillInfrastructure?.type === '@ask-cli/cfn-deployer' ? 'default' : name,
      profile,
    ]),
  );
  writeFileSync(file, JSON.stringify(resources, null, 2));
}

/** A home with an ASK CLI profile linked to an AWS profile, as `ask configure` leaves it (no real tokens). */
function configuredHome(workspace: string): string {
  const home = path.join(workspace, 'home');
  mkdirSync(path.join(home, '.ask'), { recursive: true });
  mkdirSync(path.join(home, '.aws'), { recursive: true });
  writeFileSync(
    path.join(home, '.ask', 'cli_config'),
    JSON.stringify({ profiles: { [PROFILE]: { aws_profile: PROFILE, vendor_id: 'M0000000000000' } } }),
  );
  writeFileSync(path.join(home, '.aws', 'config'), `[profile ${PROFILE}]\nregion = eu-west-1\n`);
  return home;
}

function askCli(home: string, offlineRun: OfflineRun) {
  const env = { ...gitEnv, HOME: home, USERPROFILE: home };
  const ran = runCommand(
    PROJECT_ROOT,
    process.execPath,
    ['-r', 'ts-node/register', 'test/support/ask-cli-offline.ts', JSON.stringify(offlineRun)],
    { env },
  );
  expect(ran.status, ran.output).to.equal(0);
  return ran.output;
}

function deploy(project: string, workspace: string) {
  return runCommand(project, 'npm', ['run', 'deploy', '--', '--profile', PROFILE], {
    env: envWithoutCredentials(workspace),
  });
}

/** ask-cli runs the build hook in its copy of lambda/, .ask/lambda, and asks for a zip there. */
function buildHook(project: string) {
  const askCopy = path.join(project, '.ask', 'lambda');
  rmSync(askCopy, { recursive: true, force: true });
  cpSync(path.join(project, 'lambda'), askCopy, { recursive: true });
  const zip = path.join(askCopy, 'build.zip');
  rmSync(zip, { force: true });
  return {
    ...runCommand(askCopy, path.join(project, 'hooks', 'build.sh'), [zip, 'false']),
    zipBuilt: existsSync(zip),
  };
}

describe('ask new --template-url <this project> --template-branch main', function () {
  this.timeout(180_000);
  let workspace: string;
  let home: string;
  let templateUrl: string;
  before(() => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'ask-new-'));
    home = configuredHome(workspace);
    // The project as committed on its main branch, reached through a file:// URL as through https://.
    const template = copyProject(path.join(workspace, 'template'), { linkNodeModules: false });
    asTemplate(template);
    commitAll(template);
    templateUrl = `file://${template}`;
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  const askNew = (deployDelegate: string, projectFolderName: string) => {
    askCli(home, {
      command: 'new',
      folder: workspace,
      options: { templateUrl, templateBranch: 'main', profile: PROFILE },
      answers: {
        modelingStack: 'Interaction Model',
        deployDelegate,
        confirmation: true,
        skillName: 'Moon Tally',
        projectFolderName,
      },
    });
    const project = path.join(workspace, projectFolderName);
    linkProjectNodeModules(project);
    return project;
  };

  describe('choosing "AWS with CloudFormation"', () => {
    let project: string;
    before(() => (project = askNew('AWS with CloudFormation', 'moon-tally')));

    it("keeps the project's stack with its table, and runtime nodejs22.x, under the user's profile", () => {
      const { profiles } = readJson(path.join(project, 'ask-resources.json'));
      expect(profiles[PROFILE].skillInfrastructure).to.deep.equal({
        type: '@ask-cli/cfn-deployer',
        userConfig: {
          awsRegion: 'us-east-1',
          runtime: 'nodejs22.x',
          handler: 'index.handler',
          templatePath: `./${STACK}`,
        },
      });
      expect(profiles.hosted.skillInfrastructure.type).to.equal('@ask-cli/hosted-skill-deployer');
      expect(readFileSync(path.join(project, STACK), 'utf8')).to.equal(
        readFileSync(path.join(PROJECT_ROOT, STACK), 'utf8'),
      );
      const { locales } = readJson(path.join(project, 'skill-package', 'skill.json')).manifest
        .publishingInformation;
      expect(locales['en-US'].name).to.equal('Moon Tally');
      expect(existsSync(path.join(project, '.git')), 'ask new deletes .git').to.equal(false);
    });

    it('passes npm run lint, lint:skill and the stack, profile, replay and speech tests as ask-cli leaves it', () => {
      for (const script of ['lint', 'lint:skill']) {
        const checked = runCommand(project, 'npm', ['run', script]);
        expect(checked.status, `npm run ${script}: ${checked.output}`).to.equal(0);
      }
      const tests = runCommand(project, process.execPath, [
        path.join(project, 'node_modules', 'mocha', 'bin', 'mocha.js'),
        '--no-config',
        '--require',
        'ts-node/register',
        '--require',
        'test/support/setup.ts',
        'test/infrastructure/skill-stack.test.ts',
        'test/tools/project/ask-resources.test.ts',
        'test/tools/dialog/dialog-replays.test.ts',
        'test/lambda/speech/speech.test.ts',
      ]);
      expect(tests.status, tests.output).to.equal(0);
    });

    it('deploys as it is: npm run deploy passes its checks and hands the profile to ask deploy', () => {
      const deployed = deploy(project, workspace);
      expect(deployed.output).to.include(`ask-cli/dist/bin/ask.js deploy --profile ${PROFILE}`);
      const built = buildHook(project);
      expect(built.status, built.output).to.equal(0);
      expect(built.zipBuilt).to.equal(true);
    });

    it('is renamed by npm run rename without git, and then answers to "open moon tally"', () => {
      const renamed = runCommand(project, 'npm', ['run', 'rename', '--', ...moonTally(project)]);
      expect(renamed.status, renamed.output).to.equal(0);
      const started = runCommand(project, 'npm', ['start', '--', '--memory'], {
        input: 'open moon tally\n.quit\n',
      });
      expect(started.status, started.output).to.equal(0);
      expect(started.output).to.include('Alexa > Welcome to Moon Tally.');
    });
  });

  describe('choosing "AWS Lambda"', () => {
    let project: string;
    before(() => (project = askNew('AWS Lambda', 'moon-tally-lambda')));

    it('is stopped before anything is deployed, by npm run deploy and by the build hook ask deploy runs', () => {
      const { profiles } = readJson(path.join(project, 'ask-resources.json'));
      // lambda-deployer's bootstrap keeps the runtime and handler and sets the region of the AWS profile.
      expect(profiles[PROFILE].skillInfrastructure.type).to.equal('@ask-cli/lambda-deployer');
      expect(profiles[PROFILE].skillInfrastructure.userConfig).to.include({
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        awsRegion: 'eu-west-1',
      });

      const deployed = deploy(project, workspace);
      expect(deployed.status).to.equal(1);
      expect(deployed.output).to.include(
        `profile "${PROFILE}" deploys with @ask-cli/lambda-deployer, which creates the function without a DynamoDB table`,
      );
      expect(deployed.output).not.to.include('ask.js deploy');
      const built = buildHook(project);
      expect(built.status).to.equal(1);
      expect(built.output).to.include(
        '@ask-cli/lambda-deployer, which creates the function without a DynamoDB table',
      );
      expect(built.zipBuilt).to.equal(false);
    });

    it("deploys the project's stack once the profile's type is set as the message says", () => {
      const resourcesFile = path.join(project, 'ask-resources.json');
      const resources = readJson(resourcesFile);
      resources.profiles[PROFILE].skillInfrastructure.type = '@ask-cli/cfn-deployer';
      writeFileSync(resourcesFile, JSON.stringify(resources, null, 2));
      const deployed = deploy(project, workspace);
      expect(deployed.output).to.include(`ask-cli/dist/bin/ask.js deploy --profile ${PROFILE}`);
    });
  });
});

describe('ask init in a git checkout of the project, then npm run deploy', function () {
  this.timeout(120_000);
  let workspace: string;
  let project: string;
  before(() => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'ask-init-'));
    project = copyProject(path.join(workspace, 'project'));
    commitAll(project);
    askCli(configuredHome(workspace), {
      command: 'init',
      folder: project,
      options: { profile: PROFILE },
      // ask init's own defaults, with AWS CloudFormation.
      answers: {
        isOverwriteConfirmed: true,
        skillId: '',
        skillMetaSrc: './skill-package',
        skillCodeSrc: './lambda',
        isUsingCfn: true,
        runtime: 'nodejs16.x',
        handler: 'index.handler',
        confirmPreview: true,
      },
    });
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it("replaces the stack with ask-cli's own, the profiles with one on nodejs16.x, and deletes .ask", () => {
    expect(readFileSync(path.join(project, STACK), 'utf8')).to.equal(
      readFileSync(BASIC_LAMBDA_STACK, 'utf8'),
    );
    const { profiles } = readJson(path.join(project, 'ask-resources.json'));
    expect(Object.keys(profiles)).to.deep.equal([PROFILE]);
    expect(profiles[PROFILE].skillInfrastructure.userConfig.runtime).to.equal('nodejs16.x');
  });

  it('npm run deploy stops before deploying and prints the command that restores the project', () => {
    const deployed = deploy(project, workspace);
    expect(deployed.status).to.equal(1);
    expect(deployed.output).to.include(`the stack ./${STACK} has no DynamoDB table for the counts`);
    expect(deployed.output).to.include('runtime "nodejs16.x"; the skill is built for nodejs22.x');
    expect(deployed.output).to.include(`restore the project's own with: ${RESTORE_COMMAND}`);
    expect(deployed.output).not.to.include('ask.js deploy');
  });

  it('the restore command brings the project back, and its checks pass again', () => {
    const restored = runCommand(project, 'git', RESTORE_COMMAND.split(' ').slice(1));
    expect(restored.status, restored.output).to.equal(0);
    expect(runCommand(project, 'git', ['status', '--porcelain']).output).to.equal('');
    const built = buildHook(project);
    expect(built.status, built.output).to.equal(0);
  });
});
