import { expect } from 'chai';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { speechFor } from '../../../lambda/src/speech';
import { readLocaleListings } from '../../../tools/project/skill-package';
import { runCommand } from '../../support/commands';
import { git } from '../../support/git';
import { createHostedSkillClone } from '../../support/hosted-skill-clone';
import { excludeLinkedNodeModules, linkProjectNodeModules, PROJECT_ROOT } from '../../support/project-copy';
import os from 'node:os';
import path from 'node:path';
import { ResponseEnvelope } from 'ask-sdk-model';
import { startEmbeddedDynamoDb } from '../../../tools/local/embedded-dynamodb';
import { buildHostedBundleIn } from '../../../tools/deploy/hosted-bundle';
import { copyProjectToHostedSkill } from '../../../tools/deploy/hosted-skill-copy';
import { launchRequest } from '../../support/requests';
import { speechOf } from '../../support/responses';

// The first sentence of a new user's welcome, as the speech has it (after `npm run rename` too).
const WELCOME = speechFor('en-US').welcome(0);
const GREETING = WELCOME.slice(0, WELCOME.indexOf('.') + 1);
const PUSHED_GREETING = GREETING.replace(/\.$/, ', pushed from TypeScript.');
const HOSTED_SKILL_ID = 'amzn1.ask.skill.00000000-hosted-0000-0000-000000000000';

/** ask-cli installs its own pre-push hook; this one records what git passed it. */
function installAskCliHook(clone: string, log: string): void {
  const askCliHook = path.join(clone, '.git', 'hooks', 'pre-push');
  writeFileSync(askCliHook, `#!/bin/sh\ncat >> '${log}'\n`);
  chmodSync(askCliHook, 0o755);
}

describe('deploying to Alexa-hosted by git push (a local bare repository stands in for the hosted one)', function () {
  this.timeout(60_000);
  let workspace: string;
  let remote: string;
  let hosted: string;
  let askCliHookLog: string;
  const remoteMaster = () => git(remote, 'rev-parse', 'master');
  const askCliHookRuns = () => (existsSync(askCliHookLog) ? readFileSync(askCliHookLog, 'utf8') : '');
  const push = () => runCommand(hosted, 'git', ['push', 'origin', 'master']);
  const commitAll = (message: string) => {
    git(hosted, 'add', '-A');
    git(hosted, 'commit', '-q', '-m', message);
  };

  before(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'hosted-push-'));
    ({ remote, clone: hosted } = createHostedSkillClone(workspace, { skillId: HOSTED_SKILL_ID }));
    askCliHookLog = path.join(workspace, 'ask-cli-hook.log');
    installAskCliHook(hosted, askCliHookLog);
    await copyProjectToHostedSkill(PROJECT_ROOT, hosted);
    // Stands in for `npm ci` there: the same packages, without downloading them again.
    linkProjectNodeModules(hosted);
    excludeLinkedNodeModules(hosted);
    const prepare = runCommand(hosted, 'npm', ['run', 'prepare']);
    expect(prepare.status, prepare.output).to.equal(0);
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it("copies the project in, keeping the hosted skill's id, profile and endpoint, and no profile of the same name", () => {
    for (const file of [
      'lambda/src/index.ts',
      'lambda/package.json',
      'skill-package/interactionModels/custom/en-US.json',
    ]) {
      expect(readFileSync(path.join(hosted, file), 'utf8'), file).to.equal(
        readFileSync(path.join(PROJECT_ROOT, file), 'utf8'),
      );
    }
    expect(existsSync(path.join(hosted, 'lambda', 'util.js')), "the template's lambda/util.js").to.equal(
      false,
    );
    const states = JSON.parse(readFileSync(path.join(hosted, '.ask', 'ask-states.json'), 'utf8'));
    expect(states.profiles.default.skillId).to.equal(HOSTED_SKILL_ID);
    // The project's Alexa-hosted profile, which names no skill, and any profile named as the clone's give way.
    const resources = JSON.parse(readFileSync(path.join(hosted, 'ask-resources.json'), 'utf8'));
    const hostedProfiles = Object.entries<{ skillInfrastructure: { type: string } }>(resources.profiles)
      .filter(([, profile]) => profile.skillInfrastructure.type === '@ask-cli/hosted-skill-deployer')
      .map(([name]) => name);
    expect(hostedProfiles).to.deep.equal(['default']);
    const { manifest } = JSON.parse(readFileSync(path.join(hosted, 'skill-package', 'skill.json'), 'utf8'));
    expect(manifest.apis.custom.endpoint).to.deep.equal({
      uri: `arn:aws:lambda:us-east-1:123456789012:function:${HOSTED_SKILL_ID}`,
    });
    expect(manifest.publishingInformation.locales).to.deep.equal(readLocaleListings(PROJECT_ROOT));
    expect(
      statSync(path.join(hosted, 'hooks', 'pre-push')).mode & 0o111,
      'hooks/pre-push is executable',
    ).to.not.equal(0);
    expect(git(hosted, 'config', 'core.hooksPath'), 'set by npm ci (prepare)').to.equal('hooks');
  });

  it("pushes the project once built, and then runs ask-cli's own pre-push hook with the same refs", () => {
    // `npm run build` also type-checks the whole project first; the bundle step is what this needs.
    buildHostedBundleIn(hosted);
    commitAll('The project in TypeScript');
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
    expect(speech).to.include(GREETING);
    writeFileSync(speechFile, speech.replace(GREETING, PUSHED_GREETING));
    commitAll('Change the welcome without rebuilding');
    const before = remoteMaster();
    const askCliHookRunsBefore = askCliHookRuns();

    const pushed = push();
    expect(pushed.status).to.not.equal(0);
    expect(pushed.output).to.include('is stale: it is not what the TypeScript in lambda/src builds');
    expect(pushed.output).to.include('npm run build && git add lambda/index.js && git commit');
    // The diff shows what the sources would change: the new welcome is built, not committed.
    expect(
      pushed.output.split('\n').some((line) => line.startsWith('-') && line.includes(PUSHED_GREETING)),
    ).to.equal(true);
    expect(remoteMaster()).to.equal(before);
    expect(askCliHookRuns(), 'ask-cli hook runs only after our check passes').to.equal(askCliHookRunsBefore);
  });

  it('checks the pushed commit, not the working tree: a rebuilt but uncommitted lambda/index.js does not help', () => {
    buildHostedBundleIn(hosted);
    const pushed = push();
    expect(pushed.status).to.not.equal(0);
    expect(pushed.output).to.include('lambda/index.js in refs/heads/master');
    expect(pushed.output).to.include('is stale');
  });

  it('accepts the push once lambda/index.js is rebuilt and committed', () => {
    commitAll('Rebuild lambda/index.js');
    const pushed = push();
    expect(pushed.status, pushed.output).to.equal(0);
    expect(remoteMaster()).to.equal(git(hosted, 'rev-parse', 'HEAD'));
  });

  it('lets uncommitted edits in lambda/ stay behind: they do not block pushing a current commit', () => {
    const speechFile = path.join(hosted, 'lambda', 'src', 'speech', 'shared', 'en.ts');
    const speech = readFileSync(speechFile, 'utf8');
    writeFileSync(
      speechFile,
      speech.replace("reprompt: 'Say hello,", "reprompt: 'Not yet committed: say hello,"),
    );
    writeFileSync(path.join(hosted, 'NOTES.md'), 'Notes\n');
    git(hosted, 'add', 'NOTES.md');
    git(hosted, 'commit', '-q', '-m', 'Add notes');
    const pushed = push();
    expect(pushed.status, pushed.output).to.equal(0);
    expect(remoteMaster()).to.equal(git(hosted, 'rev-parse', 'HEAD'));
    writeFileSync(speechFile, speech);
  });

  it('the pushed lambda/, installed clean with npm install --omit=dev, answers a LaunchRequest', async function () {
    this.timeout(300_000);
    // What the hosted build has: lambda/ from the pushed master, its dependencies installed, no compiler.
    const checkout = path.join(workspace, 'pushed');
    git(workspace, 'clone', '-q', remote, checkout);
    const lambdaDir = path.join(workspace, 'lambda-as-deployed');
    cpSync(path.join(checkout, 'lambda'), lambdaDir, { recursive: true });
    const install = runCommand(lambdaDir, 'npm', ['install', '--omit=dev', '--no-audit', '--no-fund']);
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
      expect(speechOf(response)).to.equal(WELCOME.replace(GREETING, PUSHED_GREETING));
    } finally {
      await store.stop();
    }
  });

  describe('npm run deploy', function () {
    this.timeout(120_000);
    const deploy = (...args: string[]) => runCommand(hosted, 'npm', ['run', 'deploy', '--', ...args]);

    it("refuses to push when HEAD's lambda/index.js is stale, and says how to fix it", () => {
      const speechFile = path.join(hosted, 'lambda', 'src', 'speech', 'shared', 'en.ts');
      const speech = readFileSync(speechFile, 'utf8');
      writeFileSync(speechFile, speech.replace("reprompt: 'Say hello,", "reprompt: 'Now say hello,"));
      commitAll('Change the reprompt without rebuilding');
      const before = remoteMaster();

      const deployed = deploy();
      expect(deployed.status).to.not.equal(0);
      expect(deployed.output).to.include(
        'lambda/index.js in HEAD is not what the TypeScript in lambda/src builds',
      );
      expect(deployed.output).to.include('npm run build && git add lambda/index.js && git commit');
      expect(remoteMaster()).to.equal(before);
    });

    it('checks and pushes HEAD to master once the build is committed, naming the skill', () => {
      buildHostedBundleIn(hosted);
      commitAll('Rebuild lambda/index.js');
      const deployed = deploy();
      expect(deployed.status, deployed.output).to.equal(0);
      expect(remoteMaster()).to.equal(git(hosted, 'rev-parse', 'HEAD'));
      expect(deployed.output).to.include(
        `Pushed to master: Alexa-hosted builds and deploys skill ${HOSTED_SKILL_ID}`,
      );
    });

    it("refuses, before any push, when origin is not the skill's Alexa-hosted repository", () => {
      const elsewhere = path.join(workspace, 'elsewhere.git');
      git(workspace, 'init', '-q', '--bare', elsewhere);
      const hostedUrl = git(hosted, 'remote', 'get-url', 'origin');
      git(hosted, 'remote', 'set-url', 'origin', elsewhere);
      try {
        const deployed = deploy();
        expect(deployed.status).to.equal(1);
        expect(deployed.output).to.include(
          `origin (${elsewhere}) is not the Alexa-hosted repository of skill ${HOSTED_SKILL_ID}`,
        );
        expect(git(elsewhere, 'for-each-ref'), 'refs pushed to the other repository').to.equal('');
      } finally {
        git(hosted, 'remote', 'set-url', 'origin', hostedUrl);
      }
    });

    it("refuses, before any push, when origin pushes elsewhere than the skill's repository", () => {
      const elsewhere = path.join(workspace, 'elsewhere-push.git');
      git(workspace, 'init', '-q', '--bare', elsewhere);
      git(hosted, 'remote', 'set-url', '--push', 'origin', elsewhere);
      try {
        const deployed = deploy();
        expect(deployed.status).to.equal(1);
        expect(deployed.output).to.include(`origin (${elsewhere}) is not the Alexa-hosted repository`);
        expect(git(elsewhere, 'for-each-ref'), 'refs pushed to the other repository').to.equal('');
      } finally {
        git(hosted, 'config', '--unset', 'remote.origin.pushurl');
      }
    });

    it('refuses, before any push, when the Alexa-hosted profile has no skill id', () => {
      const statesFile = path.join(hosted, '.ask', 'ask-states.json');
      const states = readFileSync(statesFile, 'utf8');
      writeFileSync(statesFile, states.replace(HOSTED_SKILL_ID, ''));
      const before = remoteMaster();
      try {
        const deployed = deploy();
        expect(deployed.status).to.equal(1);
        expect(deployed.output).to.include(
          'The Alexa-hosted profile "default" has no skill id in .ask/ask-states.json',
        );
        expect(remoteMaster()).to.equal(before);
      } finally {
        writeFileSync(statesFile, states);
      }
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
