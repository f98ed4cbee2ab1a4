import { expect } from 'chai';
import { spawn, spawnSync, SpawnSyncOptions } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ResponseEnvelope } from 'ask-sdk-model';
import { startEmbeddedDynamoDb } from '../../../tools/local/embedded-dynamodb';
import { copyProjectToHostedSkill } from '../../../tools/deploy/hosted-skill-copy';
import { launchRequest } from '../../support/requests';
import { speechOf } from '../../support/responses';

const projectRoot = path.resolve(__dirname, '../../..');
const HOSTED_SKILL_ID = 'amzn1.ask.skill.00000000-hosted-0000-0000-000000000000';
const HOSTED_ENDPOINT = { uri: 'arn:aws:lambda:us-east-1:123456789012:function:00000000-hosted' };

// Commits need an author, and the user's own git settings (a global hooks path, say) must not leak in.
const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: '1',
};

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = spawnSync(command, args, { env: gitEnv, encoding: 'utf8', ...options });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function git(cwd: string, ...args: string[]): string {
  const result = run('git', args, { cwd });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.output}`);
  return result.output.trim();
}

function writeFileWithFolders(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
const writeJson = (file: string, value: unknown) =>
  writeFileWithFolders(file, JSON.stringify(value, null, 2));

/** What `ask new` leaves for an Alexa-hosted skill: a clone of its repository with ask-cli's files and hook. */
function createHostedSkillClone(workspace: string): { remote: string; clone: string; askCliHookLog: string } {
  const remote = path.join(workspace, 'hosted-remote.git');
  const clone = path.join(workspace, 'hosted-skill');
  git(workspace, 'init', '-q', '--bare', '--initial-branch=master', remote);
  git(workspace, 'clone', '-q', remote, clone);
  writeJson(path.join(clone, 'ask-resources.json'), {
    askcliResourcesVersion: '2020-03-31',
    profiles: {
      default: {
        skillMetadata: { src: './skill-package' },
        code: { default: { src: './lambda' } },
        skillInfrastructure: { type: '@ask-cli/hosted-skill-deployer' },
      },
    },
  });
  writeJson(path.join(clone, '.ask', 'ask-states.json'), {
    askcliStatesVersion: '2020-03-31',
    profiles: { default: { skillId: HOSTED_SKILL_ID } },
  });
  writeJson(path.join(clone, 'skill-package', 'skill.json'), {
    manifest: { apis: { custom: { endpoint: HOSTED_ENDPOINT } }, manifestVersion: '1.0' },
  });
  writeFileWithFolders(
    path.join(clone, 'lambda', 'index.js'),
    "exports.handler = require('./util').handler;\n",
  );
  writeFileSync(path.join(clone, 'lambda', 'util.js'), 'exports.handler = async () => ({});\n');
  git(clone, 'add', '-A');
  git(clone, 'commit', '-q', '-m', 'Alexa-hosted template');
  git(clone, 'push', '-q', 'origin', 'master');

  // ask-cli installs its own pre-push hook; this one records what git passed it.
  const askCliHookLog = path.join(workspace, 'ask-cli-hook.log');
  const askCliHook = path.join(clone, '.git', 'hooks', 'pre-push');
  writeFileSync(askCliHook, `#!/bin/sh\ncat >> '${askCliHookLog}'\n`);
  chmodSync(askCliHook, 0o755);
  return { remote, clone, askCliHookLog };
}

describe('deploying to Alexa-hosted by git push (a local bare repository stands in for the hosted one)', function () {
  this.timeout(60_000);
  let workspace: string;
  let remote: string;
  let hosted: string;
  let askCliHookLog: string;
  const remoteMaster = () => git(remote, 'rev-parse', 'master');
  const askCliHookRuns = () => (existsSync(askCliHookLog) ? readFileSync(askCliHookLog, 'utf8') : '');
  const push = () => run('git', ['push', 'origin', 'master'], { cwd: hosted });
  const commitAll = (message: string) => {
    git(hosted, 'add', '-A');
    git(hosted, 'commit', '-q', '-m', message);
  };
  // `npm run build` also type-checks the whole project first; the bundle step is what this needs.
  const buildHostedBundle = () => {
    const build = run(process.execPath, ['-r', 'ts-node/register', 'tools/build/build-hosted.ts'], {
      cwd: hosted,
    });
    expect(build.status, build.output).to.equal(0);
  };

  before(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'hosted-push-'));
    ({ remote, clone: hosted, askCliHookLog } = createHostedSkillClone(workspace));
    await copyProjectToHostedSkill(projectRoot, hosted);
    // Stands in for `npm ci` there: the same packages, without downloading them again.
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(hosted, 'node_modules'), 'junction');
    appendFileSync(path.join(hosted, '.git', 'info', 'exclude'), '/node_modules\n');
    const prepare = run('npm', ['run', 'prepare'], { cwd: hosted });
    expect(prepare.status, prepare.output).to.equal(0);
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it("copies the project in, keeping the hosted skill's id, profile and endpoint", () => {
    for (const file of [
      'lambda/src/index.ts',
      'lambda/package.json',
      'skill-package/interactionModels/custom/en-US.json',
    ]) {
      expect(readFileSync(path.join(hosted, file), 'utf8'), file).to.equal(
        readFileSync(path.join(projectRoot, file), 'utf8'),
      );
    }
    expect(existsSync(path.join(hosted, 'lambda', 'util.js')), "the template's lambda/util.js").to.equal(
      false,
    );
    const states = JSON.parse(readFileSync(path.join(hosted, '.ask', 'ask-states.json'), 'utf8'));
    expect(states.profiles.default.skillId).to.equal(HOSTED_SKILL_ID);
    const resources = JSON.parse(readFileSync(path.join(hosted, 'ask-resources.json'), 'utf8'));
    expect(resources.profiles.default.skillInfrastructure.type).to.equal('@ask-cli/hosted-skill-deployer');
    expect(resources.profiles['self-hosted'].skillInfrastructure.type).to.equal('@ask-cli/cfn-deployer');
    const { manifest } = JSON.parse(readFileSync(path.join(hosted, 'skill-package', 'skill.json'), 'utf8'));
    expect(manifest.apis.custom.endpoint).to.deep.equal(HOSTED_ENDPOINT);
    expect(manifest.publishingInformation.locales['en-US'].name).to.equal('Hello Counter');
    expect(
      statSync(path.join(hosted, 'hooks', 'pre-push')).mode & 0o111,
      'hooks/pre-push is executable',
    ).to.not.equal(0);
    expect(git(hosted, 'config', 'core.hooksPath'), 'set by npm ci (prepare)').to.equal('hooks');
  });

  it("pushes the project once built, and then runs ask-cli's own pre-push hook with the same refs", () => {
    buildHostedBundle();
    commitAll('Hello Counter in TypeScript');
    const before = remoteMaster();
    const pushed = push();
    expect(pushed.status, pushed.output).to.equal(0);
    const head = git(hosted, 'rev-parse', 'HEAD');
    expect(remoteMaster()).to.equal(head);
    expect(askCliHookRuns()).to.equal(`refs/heads/master ${head} refs/heads/master ${before}\n`);
  });

  it('refuses a push whose lambda/index.js is stale against lambda/src, saying how to fix it', () => {
    const speechFile = path.join(hosted, 'lambda', 'src', 'speech', 'shared', 'en.ts');
    const speech = readFileSync(speechFile, 'utf8');
    expect(speech).to.include('Welcome to Hello Counter.');
    writeFileSync(
      speechFile,
      speech.replace('Welcome to Hello Counter.', 'Welcome to Hello Counter, pushed from TypeScript.'),
    );
    commitAll('Change the welcome without rebuilding');
    const before = remoteMaster();
    const askCliHookRunsBefore = askCliHookRuns();

    const pushed = push();
    expect(pushed.status).to.not.equal(0);
    expect(pushed.output).to.include('lambda/index.js is stale');
    expect(pushed.output).to.include('npm run build && git add lambda/index.js && git commit');
    // The diff shows what the sources would change: the new welcome is built, not committed.
    expect(pushed.output).to.match(/^-.*Welcome to Hello Counter, pushed from TypeScript\./m);
    expect(remoteMaster()).to.equal(before);
    expect(askCliHookRuns(), 'ask-cli hook runs only after our check passes').to.equal(askCliHookRunsBefore);
  });

  it('refuses while lambda/ in the working tree differs from the pushed commit, since it cannot check that', () => {
    buildHostedBundle();
    const pushed = push();
    expect(pushed.status).to.not.equal(0);
    expect(pushed.output).to.include(
      'these files differ from it in your working tree:\n    lambda/index.js\n',
    );
  });

  it('accepts the push once lambda/index.js is rebuilt and committed', () => {
    commitAll('Rebuild lambda/index.js');
    const pushed = push();
    expect(pushed.status, pushed.output).to.equal(0);
    expect(remoteMaster()).to.equal(git(hosted, 'rev-parse', 'HEAD'));
  });

  it('the pushed lambda/, installed clean with npm install --omit=dev, answers a LaunchRequest', async function () {
    this.timeout(300_000);
    // What the hosted build has: lambda/ from the pushed master, its dependencies installed, no compiler.
    const checkout = path.join(workspace, 'pushed');
    git(workspace, 'clone', '-q', remote, checkout);
    const lambdaDir = path.join(workspace, 'lambda-as-deployed');
    cpSync(path.join(checkout, 'lambda'), lambdaDir, { recursive: true });
    const install = run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], { cwd: lambdaDir });
    expect(install.status, install.output).to.equal(0);
    expect(existsSync(path.join(lambdaDir, 'node_modules', 'typescript'))).to.equal(false);

    const store = await startEmbeddedDynamoDb();
    try {
      const response = await invokeHandler(lambdaDir, {
        DYNAMODB_PERSISTENCE_TABLE_NAME: store.tableName,
        DYNAMODB_PERSISTENCE_REGION: store.region,
        AWS_ENDPOINT_URL_DYNAMODB: store.endpoint,
        AWS_ACCESS_KEY_ID: store.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: store.credentials.secretAccessKey,
      });
      expect(speechOf(response)).to.equal(
        'Welcome to Hello Counter, pushed from TypeScript. Your saved counter is 0. ' +
          'You can say hello, add a number, or ask for your count.',
      );
    } finally {
      await store.stop();
    }
  });

  describe('npm run deploy', function () {
    this.timeout(120_000);
    const deploy = (...args: string[]) => run('npm', ['run', 'deploy', '--', ...args], { cwd: hosted });

    it('refuses to push when building changes lambda/index.js, and lists what to commit', () => {
      const speechFile = path.join(hosted, 'lambda', 'src', 'speech', 'shared', 'en.ts');
      const speech = readFileSync(speechFile, 'utf8');
      writeFileSync(speechFile, speech.replace("reprompt: 'Say hello,", "reprompt: 'Now say hello,"));
      commitAll('Change the reprompt without rebuilding');
      const before = remoteMaster();

      const deployed = deploy();
      expect(deployed.status).to.not.equal(0);
      expect(deployed.output).to.include(
        'A push deploys only what is committed, and these files are not:\n M lambda/index.js\n',
      );
      expect(remoteMaster()).to.equal(before);
    });

    it('builds, checks and pushes HEAD to master once the build is committed', () => {
      commitAll('Rebuild lambda/index.js');
      const deployed = deploy();
      expect(deployed.status, deployed.output).to.equal(0);
      expect(remoteMaster()).to.equal(git(hosted, 'rev-parse', 'HEAD'));
      expect(deployed.output).to.include('Pushed to master');
    });

    it('hands a self-hosted profile to ask deploy instead of pushing', () => {
      const before = remoteMaster();
      // An empty home has no ASK or AWS credentials, so ask-cli stops before reaching Amazon.
      const home = mkdtempSync(path.join(workspace, 'home-'));
      const env = Object.fromEntries(Object.entries(gitEnv).filter(([name]) => !/^(ASK|AWS)_/.test(name)));
      const deployed = run('npm', ['run', 'deploy', '--', '--profile', 'self-hosted'], {
        cwd: hosted,
        env: { ...env, HOME: home, USERPROFILE: home },
      });
      expect(deployed.status).to.not.equal(0);
      expect(deployed.output).to.match(/ask-cli\/dist\/bin\/ask\.js deploy --profile self-hosted/);
      expect(deployed.output).not.to.include('Pushed to master');
      expect(remoteMaster()).to.equal(before);
    });
  });
});

/** Calls `index.handler` in `lambdaDir` with a LaunchRequest in a fresh Node process, as Lambda would. */
function invokeHandler(lambdaDir: string, env: NodeJS.ProcessEnv): Promise<ResponseEnvelope> {
  const script = `
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk));
    process.stdin.on('end', async () => {
      const response = await require('./index.js').handler(JSON.parse(input), {});
      process.stdout.write(JSON.stringify(response));
    });`;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: lambdaDir,
    env: { PATH: process.env.PATH, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(JSON.stringify(launchRequest()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`exit ${code}: ${stderr}`)),
    );
  });
}
