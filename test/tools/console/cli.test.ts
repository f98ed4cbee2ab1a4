import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API } from '../../../tools/console/api';
import { startLocalSkill } from '../../../tools/local/local-skill';
import { isListening, npmRun, type NpmRun } from '../../support/npm-run';
import { editableProjectCopy, type ProjectCopy } from '../../support/project-copy';
import { launchRequest } from '../../support/requests';
import { speechOf } from '../../support/responses';
import { INVOCATION } from '../../support/skill-names';

const URL_LINE = /^Console: (http:\/\/\S+)$/m;

describe('npm run console (as its own process, through npm)', function () {
  this.timeout(60_000);
  let runs: NpmRun[];
  let dataDir: string;
  let project: ProjectCopy | undefined;

  beforeEach(() => {
    runs = [];
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'console-data-'));
    project = undefined;
  });
  afterEach(() => {
    runs.forEach((run) => run.kill());
    rmSync(dataDir, { recursive: true, force: true });
    project?.remove();
  });

  function startConsole(args: string[], env: NodeJS.ProcessEnv = {}): NpmRun {
    const run = npmRun('console', args, { PORT: '0', ...env }, project?.root);
    runs.push(run);
    return run;
  }
  const urlOf = async (run: NpmRun) => (await run.waitFor(URL_LINE))[1];
  const say = (url: string, utterance: string) =>
    fetch(new URL(API.say, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ utterance }),
    });
  /** What the skill says to a new session of the default user, read from the data folder directly. */
  const welcomeIn = async (folder: string) => {
    const skill = await startLocalSkill({ dataDir: folder });
    try {
      return speechOf(await skill.invoke(launchRequest({ userId: 'amzn1.ask.account.local-user' })));
    } finally {
      await skill.stop();
    }
  };
  /** The launch handler waits `ms` before it answers: a turn that is still running when the test acts. */
  const slowLaunch = (ms: number) => {
    project = editableProjectCopy();
    project.edit('lambda/src/handlers/launch.ts', (text) =>
      text.replace(
        'async handle(handlerInput) {',
        `async handle(handlerInput) {\n    await new Promise((resolve) => setTimeout(resolve, ${ms}));`,
      ),
    );
  };

  it('prints its URL on 127.0.0.1; SIGTERM to npm ends it and frees the port and the data folder', async () => {
    const run = startConsole(['--data-dir', dataDir]);
    const url = await urlOf(run);
    expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await say(url, `ask ${INVOCATION} to add five`)).status).to.equal(200);

    run.signal('SIGTERM');
    // npm itself dies of the signal; `ended` waits for every process it started, the console's too
    await run.ended;
    expect(run.output).to.match(/^Stopping \(npm was stopped\)\.$/m);
    expect(await isListening(url)).to.equal(false);
    expect(await welcomeIn(dataDir)).to.include('Your saved counter is 5.');
  });

  it('a second console on the same data folder says it is in use, in one line, and exits 2', async () => {
    const first = startConsole(['--data-dir', dataDir]);
    await urlOf(first);
    const second = startConsole(['--data-dir', dataDir]);

    expect(await second.ended).to.equal(2);
    expect(second.output.trim()).to.equal(
      `[Error]: The local DynamoDB data in ${dataDir} is in use by another process (another npm start?). ` +
        'Stop that process, or use --memory for a throwaway store.',
    );
  });

  it('a port in use: one line, exit 2, and its data folder is free again', async () => {
    const first = startConsole(['--memory']);
    const { port } = new URL(await urlOf(first));
    const second = startConsole(['--data-dir', dataDir], { PORT: port });

    expect(await second.ended).to.equal(2);
    expect(second.output.trim()).to.equal(
      `[Error]: Port ${port} is in use (another npm run console?): set PORT to another.`,
    );
    expect(await welcomeIn(dataDir)).to.include('Your saved counter is 0.');
  });

  it('answers a wrong option, PORT or HOST in one line, with exit status 2', async () => {
    const option = startConsole(['--memroy']);
    const port = startConsole(['--memory'], { PORT: 'eighty' });
    const host = startConsole(['--memory'], { HOST: '203.0.113.9' });

    expect(await option.ended).to.equal(2);
    expect(option.output.trim()).to.match(
      /^\[Error\]: Unknown option '--memroy'\. Usage: npm run console -- \[options\]/,
    );
    expect(await port.ended).to.equal(2);
    expect(port.output.trim()).to.equal('[Error]: PORT must be a port number, not "eighty".');
    expect(await host.ended).to.equal(2);
    expect(host.output.trim()).to.equal('[Error]: HOST=203.0.113.9 is not an address of this machine.');
  });

  it('warns that it exposes stored data when HOST is not the loopback name', async () => {
    const run = startConsole(['--memory'], { HOST: '127.0.0.2' });
    expect(await urlOf(run)).to.match(/^http:\/\/127\.0\.0\.2:\d+\/$/);
    // the warning goes to standard error, which may reach the test after the URL on standard output
    await run.waitFor(/^WARNING: /m);
    expect(run.output).to.include(
      'WARNING: HOST=127.0.0.2: anyone who can reach this port can talk to the skill as any user, and read and delete what it stored.',
    );
  });

  it('SIGTERM to npm while a turn runs: the turn is answered, then it ends', async () => {
    slowLaunch(600);
    const run = startConsole(['--data-dir', dataDir]);
    const url = await urlOf(run);
    const answer = say(url, `open ${INVOCATION}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.signal('SIGTERM');

    expect((await answer).status).to.equal(200);
    await run.ended;
    expect(run.output).to.match(/^Stopping \(npm was stopped\)\.$/m);
    expect(await isListening(url)).to.equal(false);
    expect(await welcomeIn(dataDir)).to.include('Your saved counter is 0.');
  });

  it('killed with SIGKILL while a turn runs: the next console starts on the same data folder, its data intact', async () => {
    slowLaunch(3_000);
    const first = startConsole(['--data-dir', dataDir]);
    const url = await urlOf(first);
    await say(url, `ask ${INVOCATION} to add five`);
    const cut = say(url, `open ${INVOCATION}`).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.signal('SIGKILL', 'group');
    expect(await cut).to.be.an('error');
    await first.ended;

    const second = startConsole(['--data-dir', dataDir]);
    await urlOf(second);
    second.signal('SIGTERM');
    await second.ended;
    expect(await welcomeIn(dataDir)).to.include('Your saved counter is 5.');
  });
});
