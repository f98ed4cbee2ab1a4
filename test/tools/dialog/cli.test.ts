import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLACEHOLDER_SKILL_ID } from '../../../tools/dialog/project';
import { startLocalSkill } from '../../../tools/local/local-skill';
import { readInvocationName } from '../../../tools/project/skill-package';
import { npmRun, type NpmRun } from '../../support/npm-run';
import { editableProjectCopy } from '../../support/project-copy';
import { launchRequest } from '../../support/requests';
import { speechOf } from '../../support/responses';
import { INVOCATION } from '../../support/skill-names';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'tools', 'dialog', 'cli.ts');

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm start -- ARGS` as its own process, with standard input that is not a terminal and already at its end. */
function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The conversation part of the output: after the three banner lines, before "Goodbye!". */
function transcriptOf(stdout: string): string {
  const lines = stdout.split('\n');
  return `${lines.slice(3, lines.indexOf('Goodbye!')).join('\n')}\n`;
}

describe('npm start (the CLI, as its own process)', function () {
  this.timeout(60_000);
  let workDir: string;

  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'dialog-cli-'));
  });
  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  const writeReplay = (name: string, userInput: string[]) => {
    const path = join(workDir, name);
    writeFileSync(
      path,
      JSON.stringify({ skillId: PLACEHOLDER_SKILL_ID, locale: 'en-US', type: 'text', userInput }),
    );
    return path;
  };

  it("replays the issue's conversation without waiting for input, exits 0, and saves the skill I/O", async () => {
    const skillIo = join(workDir, 'skill-io.json');
    const run = await runCli([
      '--memory',
      '--replay',
      'test/dialogs/counting-session.json',
      '--save-skill-io',
      skillIo,
    ]);

    expect(run.status, run.stderr).to.equal(0);
    expect(transcriptOf(run.stdout)).to.equal(
      readFileSync(join(ROOT, 'test', 'dialogs', 'counting-session.txt'), 'utf8'),
    );
    const { invocations } = JSON.parse(readFileSync(skillIo, 'utf8'));
    expect(invocations).to.have.length(10);
    expect(invocations[1].request.request.intent.slots.amount.value).to.equal('21');
    expect(invocations[1].response.body.response.outputSpeech.ssml).to.equal(
      '<speak>Added 21. Your saved counter is 21.</speak>',
    );
  });

  it('keeps the count across a restart on the same data folder', async () => {
    const dataDir = join(workDir, 'dynamodb');
    const first = await runCli([
      '--data-dir',
      dataDir,
      '--replay',
      writeReplay('first.json', [`open ${INVOCATION}`, 'add five', '.quit']),
    ]);
    // no final ".quit": with standard input not a terminal, the replay still runs to its end and exits
    const second = await runCli([
      '--data-dir',
      dataDir,
      '--replay',
      writeReplay('second.json', [`open ${INVOCATION}`]),
    ]);

    expect(first.status, first.stderr).to.equal(0);
    expect(first.stdout).to.include('Alexa > Added 5. Your saved counter is 5.');
    expect(second.status, second.stderr).to.equal(0);
    expect(second.stdout).to.include('Alexa > Welcome back. Your saved counter is 5.');
  });

  it('refuses a replay file ask-cli would refuse, with its message, and exits 2', async () => {
    const path = join(workDir, 'no-skill-id.json');
    writeFileSync(path, JSON.stringify({ locale: 'en-US', type: 'text', userInput: [`open ${INVOCATION}`] }));
    const run = await runCli(['--memory', '--replay', path]);

    expect(run.status).to.equal(2);
    expect(run.stderr).to.include('Replay file must contain skillId');
  });

  it("suggests opening the skill in the locale's own language", async () => {
    const english = await runCli(['--memory']);
    expect(english.stdout).to.include(`e.g. "open ${INVOCATION}"`);
    const german = await runCli(['--memory', '--locale', 'de-DE']);
    expect(german.stdout).to.include(`e.g. "öffne ${readInvocationName('de-DE', ROOT)}"`);
    const japanese = await runCli(['--memory', '--locale', 'ja-JP']);
    expect(japanese.stdout).to.include(`e.g. "${readInvocationName('ja-JP', ROOT)}を開いて"`);
  });

  it('says on its own marked line, on standard error, which words tolerance ignored; --strict ignores none', async () => {
    const replay = writeReplay('tolerant.json', [`open ${INVOCATION}`, 'add five please', '.quit']);
    const tolerant = await runCli(['--memory', '--replay', replay]);
    expect(tolerant.status, tolerant.stderr).to.equal(0);
    expect(tolerant.stdout).to.include('Alexa > Added 5.');
    expect(tolerant.stdout).to.not.include('[Tolerance]');
    expect(tolerant.stderr).to.include('[Tolerance]: ignored "please" to match a sample; add a sample');

    const strict = await runCli(['--memory', '--strict', '--replay', replay]);
    expect(strict.stdout).to.not.include('Alexa > Added 5.');
    expect(strict.stderr).to.not.include('[Tolerance]');
  });

  describe('typed into, through npm', () => {
    let runs: NpmRun[];
    beforeEach(() => (runs = []));
    afterEach(() => runs.forEach((run) => run.kill()));

    /** `npm start` with piped input, once it has answered "add four" in a session. */
    async function startSession(args: string[]): Promise<NpmRun> {
      const run = npmRun('start', args);
      runs.push(run);
      run.type(`open ${INVOCATION}`);
      run.type('add four');
      await run.waitFor(/Alexa > Added 4\. Your saved counter is \d+\./);
      return run;
    }

    it('.record to a path it cannot write says so, creates no folders, and the dialog goes on', async () => {
      const aFile = writeReplay('a-file.json', [`open ${INVOCATION}`]);
      const run = await startSession(['--memory']);
      run.type(`.record ${join(workDir, 'no', 'such', 'dir', 'x.json')}`);
      run.type(`.record ${join(aFile, 'x.json')}`);
      run.type('add two');
      run.type('.quit');

      expect(await run.ended, run.output).to.equal(0);
      expect(run.output).to.include(
        `[Error]: Cannot write ${join(workDir, 'no', 'such', 'dir', 'x.json')}: its folder does not exist. ` +
          'Nothing was recorded.',
      );
      expect(run.output).to.include(`Cannot write ${join(aFile, 'x.json')}: part of its path is a file`);
      expect(run.output).to.include('Alexa > Added 2. Your saved counter is 6.');
      expect(existsSync(join(workDir, 'no'))).to.equal(false);
    });

    it('SIGTERM to npm ends it cleanly and frees the data folder: the next npm start on it keeps the count', async () => {
      const dataDir = join(workDir, 'dynamodb');
      const first = await startSession(['--data-dir', dataDir]);
      first.signal('SIGTERM');
      await first.ended;
      // standard error and output are two pipes: their lines may come in any order
      expect(first.output)
        .to.match(/^Stopping \(.+\)\.$/m)
        .and.match(/^Goodbye!$/m);

      const second = npmRun('start', [
        '--data-dir',
        dataDir,
        '--replay',
        writeReplay('next.json', [`open ${INVOCATION}`]),
      ]);
      runs.push(second);
      expect(await second.ended, second.output).to.equal(0);
      expect(second.output).to.include('Alexa > Welcome back. Your saved counter is 4.');
    });

    it('says an edited speech string from the next utterance on, without a restart; a syntax error leaves the last skill answering and says where', async () => {
      const project = editableProjectCopy();
      try {
        const run = npmRun('start', ['--memory'], {}, project.root);
        runs.push(run);
        run.type(`open ${INVOCATION}`);
        await run.waitFor(/Alexa > Welcome.*Your saved counter is 0\./);

        project.edit('lambda/src/speech/shared/en.ts', (text) =>
          text.replace('`Added ${amount}.', '`You added ${amount}.'),
        );
        run.type('add five');
        await run.waitFor(/Alexa > You added 5\. Your saved counter is 5\./);
        project.edit('lambda/src/speech/shared/en.ts', (text) => `${text}\nexport const broken = ;\n`);
        run.type('add two');
        await run.waitFor(/Alexa > You added 2\. Your saved counter is 7\./);
        run.type('.quit');

        expect(await run.ended, run.output).to.equal(0);
        expect(run.output).to.match(/^\[Info\]: lambda\/src changed: the skill reloaded in \d+ ms\.$/m);
        expect(run.output).to.include(
          '[Error]: lambda/src changed, but the skill did not load; the last version that loaded goes on answering:',
        );
        expect(run.output).to.match(/lambda\/src\/speech\/shared\/en\.ts:\d+:\d+:/);
      } finally {
        project.remove();
      }
    });

    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      it(`${signal} to npm ends it cleanly too, and frees the data folder`, async () => {
        const dataDir = join(workDir, 'dynamodb');
        const run = await startSession(['--data-dir', dataDir]);
        run.signal(signal);
        await run.ended;
        expect(run.output)
          .to.match(/^Stopping \(.+\)\.$/m)
          .and.match(/^Goodbye!$/m);

        const next = await startLocalSkill({ dataDir });
        const response = await next.invoke(launchRequest({ userId: 'amzn1.ask.account.local-user' }));
        await next.stop();
        expect(speechOf(response)).to.include('Your saved counter is 4.');
      });
    }
  });
});
