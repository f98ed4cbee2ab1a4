import { expect } from 'chai';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAskDeployProfiles, RESTORE_COMMAND } from '../../../tools/deploy/deploy-checks';
import { DEPLOYERS, readAskProfiles } from '../../../tools/project/ask-resources';
import { envWithoutCredentials, runCommand } from '../../support/commands';
import { npmRun, type NpmRun } from '../../support/npm-run';
import { copyProject, PROJECT_ROOT } from '../../support/project-copy';

/** Found by its deployer: `ask new` gives it the name of the user's own ASK CLI profile. */
const cloudFormationProfile = () => {
  const profile = readAskProfiles(PROJECT_ROOT).find(({ deployer }) => deployer === DEPLOYERS.cloudFormation);
  if (!profile) throw new Error('ask-resources.json has no CloudFormation profile');
  return profile;
};

const STACK = 'infrastructure/cfn-deployer/skill-stack.yaml';
const BASIC_LAMBDA_STACK =
  require.resolve('ask-cli/dist/lib/builtins/deploy-delegates/cfn-deployer/assets/basic-lambda.yaml');

type Resources = {
  profiles: Record<string, { skillInfrastructure: { type: string; userConfig?: Record<string, unknown> } }>;
};

describe('checks before anything is deployed to AWS (npm run deploy and hooks/build.sh)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'deploy-checks-'));
    mkdirSync(path.dirname(path.join(root, STACK)), { recursive: true });
    copyFileSync(path.join(PROJECT_ROOT, STACK), path.join(root, STACK));
    // The project's own CloudFormation profile, under the name ask-cli gives a template's profile.
    const { deployer, userConfig } = cloudFormationProfile();
    writeFileSync(
      path.join(root, 'ask-resources.json'),
      JSON.stringify({ profiles: { default: { skillInfrastructure: { type: deployer, userConfig } } } }),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const editResources = (edit: (resources: Resources) => void) => {
    const file = path.join(root, 'ask-resources.json');
    const resources = JSON.parse(readFileSync(file, 'utf8')) as Resources;
    edit(resources);
    writeFileSync(file, JSON.stringify(resources));
  };
  const problems = () => {
    try {
      checkAskDeployProfiles(root);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("pass for the project's own CloudFormation profile", () => {
    expect(problems()).to.equal('');
  });

  it("stop a stack that ask-cli's bootstrap replaced with its basic-lambda.yaml, naming the restore command", () => {
    copyFileSync(BASIC_LAMBDA_STACK, path.join(root, STACK));
    expect(problems()).to.equal(
      `ask-resources.json profile "default": the stack ./${STACK} has no DynamoDB table for the counts ` +
        "(ask init and ask new replace it with ask-cli's basic-lambda.yaml when they set up @ask-cli/cfn-deployer).\n" +
        `If ask init changed these files, restore the project's own with: ${RESTORE_COMMAND}`,
    );
  });

  it('stop a runtime older than nodejs22.x (ask init offers nodejs16.x) and a missing handler', () => {
    editResources((resources) => {
      resources.profiles.default.skillInfrastructure.userConfig = {
        runtime: 'nodejs16.x',
        templatePath: `./${STACK}`,
      };
    });
    const message = problems();
    expect(message).to.include('profile "default": runtime "nodejs16.x"; the skill is built for nodejs22.x');
    expect(message).to.include('profile "default": no handler');
    expect(message).to.include(RESTORE_COMMAND);
  });

  it('accept newer runtimes than nodejs22.x', () => {
    editResources((resources) => {
      resources.profiles.default.skillInfrastructure.userConfig!.runtime = 'nodejs24.x';
    });
    expect(problems()).to.equal('');
  });

  it('stop lambda-deployer without a table, saying how to switch to the stack or give it one', () => {
    editResources((resources) => {
      resources.profiles.default.skillInfrastructure.type = '@ask-cli/lambda-deployer';
    });
    const message = problems();
    expect(message).to.include(
      'profile "default" deploys with @ask-cli/lambda-deployer, which creates the function without a DynamoDB table',
    );
    expect(message).to.include('set its skillInfrastructure.type to "@ask-cli/cfn-deployer"');
    expect(message).to.include('userConfig.lambda.environmentVariables.DYNAMODB_PERSISTENCE_TABLE_NAME');
  });

  it("accept lambda-deployer once a table is named for the function, or the function is the user's own", () => {
    editResources((resources) => {
      const infrastructure = resources.profiles.default.skillInfrastructure;
      infrastructure.type = '@ask-cli/lambda-deployer';
      infrastructure.userConfig!.lambda = {
        environmentVariables: { DYNAMODB_PERSISTENCE_TABLE_NAME: 'counts' },
      };
    });
    expect(problems()).to.equal('');
    editResources((resources) => {
      const { userConfig } = resources.profiles.default.skillInfrastructure;
      userConfig!.lambda = {};
      userConfig!.sourceLambda = { arn: 'arn:aws:lambda:us-east-1:123456789012:function:counter' };
    });
    expect(problems()).to.equal('');
  });

  it('leave Alexa-hosted profiles to git push', () => {
    editResources((resources) => {
      resources.profiles.default.skillInfrastructure = { type: '@ask-cli/hosted-skill-deployer' };
    });
    expect(problems()).to.equal('');
  });
});

describe('the checks in a copy of the project', function () {
  this.timeout(60_000);
  let project: string;
  before(() => (project = copyProject(mkdtempSync(path.join(os.tmpdir(), 'deploy-checks-project-')))));
  after(() => rmSync(project, { recursive: true, force: true }));

  const run = (command: string, args: string[], env?: NodeJS.ProcessEnv) =>
    runCommand(project, command, args, { env });

  it('npm run deploy hands the CloudFormation profile to ask deploy', () => {
    const { name } = cloudFormationProfile();
    const deployed = run('npm', ['run', 'deploy', '--', '--profile', name], envWithoutCredentials(project));
    expect(deployed.status).to.not.equal(0);
    expect(deployed.output).to.include(`ask-cli/dist/bin/ask.js deploy --profile ${name}`);
  });

  it('npm run deploy and copy-to-hosted answer a wrong option with one line and exit code 2', () => {
    const deployed = run(process.execPath, [
      '-r',
      'ts-node/register',
      'tools/deploy/deploy.ts',
      '--profil',
      'x',
    ]);
    expect(deployed.status).to.equal(2);
    expect(deployed.output.trim().split('\n')).to.deep.equal([
      "[Error]: Unknown option '--profil'. Usage: npm run deploy [-- --profile <ASK CLI profile>]",
    ]);
    const copied = run(process.execPath, [
      '-r',
      'ts-node/register',
      'tools/deploy/copy-to-hosted.ts',
      '--into',
      'x',
    ]);
    expect(copied.status).to.equal(2);
    expect(copied.output.trim().split('\n')).to.have.length(1);
    expect(copied.output).to.match(/^\[Error\]: Unknown option '--into'.* Usage: npm run copy-to-hosted/);
  });

  describe('started from a terminal, whose input stays open', () => {
    let deploy: NpmRun | undefined;
    afterEach(() => deploy?.kill());

    it('npm run deploy reaches its checks and exits: it never waits for input', async () => {
      // The project's Alexa-hosted profile names no skill: the check refuses it before any push.
      deploy = npmRun('deploy', ['--profile', 'hosted'], {}, project);
      expect(await deploy.ended, deploy.output).to.equal(1);
      expect(deploy.output).to.include('The Alexa-hosted profile "hosted" has no skill id');
    });
  });

  describe('with the stack replaced by ask-cli', () => {
    before(() => copyFileSync(BASIC_LAMBDA_STACK, path.join(project, STACK)));
    after(() => copyFileSync(path.join(PROJECT_ROOT, STACK), path.join(project, STACK)));

    it('npm run deploy stops before running ask deploy, and prints the restore command', () => {
      const { name } = cloudFormationProfile();
      const deployed = run('npm', ['run', 'deploy', '--', '--profile', name], envWithoutCredentials(project));
      expect(deployed.status).to.equal(1);
      expect(deployed.output).to.include('has no DynamoDB table for the counts');
      expect(deployed.output).to.include(RESTORE_COMMAND);
      expect(deployed.output).not.to.include('ask.js deploy');
    });

    it('hooks/build.sh, which ask deploy runs, refuses to build the zip', () => {
      // ask-cli runs the hook in its copy of lambda/, .ask/lambda.
      const askCopy = path.join(project, '.ask', 'lambda');
      mkdirSync(askCopy, { recursive: true });
      const zip = path.join(askCopy, 'build.zip');
      const built = runCommand(askCopy, path.join(project, 'hooks', 'build.sh'), [zip, 'false']);
      expect(built.status).to.equal(1);
      expect(built.output).to.include('hooks/build.sh: not building the code');
      expect(built.output).to.include(RESTORE_COMMAND);
      expect(existsSync(zip)).to.equal(false);
    });
  });
});
