import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PLACEHOLDER_SKILL_ID } from '../../../../tools/dialog/project';
import { launchBrowser, type TestBrowser } from '../../../support/browser';
import { npmRun, type NpmRun } from '../../../support/npm-run';
import { editableProjectCopy, type ProjectCopy } from '../../../support/project-copy';
import { INVOCATION, SKILL_NAME } from '../../../support/skill-names';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** The README's picture of the page, taken by this test with UPDATE_SCREENSHOT=1. */
const SCREENSHOT = path.join(PROJECT_ROOT, 'docs', 'console.png');

describe('the console page, in a real Chromium', function () {
  this.timeout(120_000);
  let browser: TestBrowser;
  let runs: NpmRun[];
  let workDir: string;

  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser.close());
  beforeEach(() => {
    runs = [];
    workDir = mkdtempSync(path.join(os.tmpdir(), 'console-page-'));
  });
  afterEach(async () => {
    runs.forEach((run) => run.kill());
    await Promise.all(runs.map((run) => run.ended));
    for (const page of browser.context.pages()) await page.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** `npm run console -- ARGS` and the URL it prints. */
  async function startConsole(args: string[], options: { port?: number; project?: ProjectCopy } = {}) {
    const run = npmRun('console', args, { PORT: String(options.port ?? 0) }, options.project?.root);
    runs.push(run);
    return { run, url: (await run.waitFor(/^Console: (http:\/\/\S+)$/m))[1] };
  }

  async function open(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.getByText('Ready.').waitFor();
    return page;
  }

  /** Types an utterance and sends it with Enter, then waits until Alexa's answer to it shows. */
  async function say(page: Page, utterance: string, answer: string | RegExp): Promise<void> {
    const input = page.getByLabel('Type what you would say to Alexa');
    await input.fill(utterance);
    await input.press('Enter');
    await conversation(page).locator('.caption').filter({ hasText: answer }).last().waitFor();
  }

  const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });
  const storedItem = (page: Page) => page.locator('#item');
  const skillIo = (page: Page) => page.getByRole('region', { name: /Skill I\/O/ });

  /** The conversation as `ask dialog` prints it: "Session ended" comes before the caption that ended it. */
  async function transcriptOf(page: Page): Promise<string[]> {
    return conversation(page)
      .locator('.turn')
      .evaluateAll((turns) =>
        turns.flatMap((turn) => [
          `User  > ${turn.querySelector('.utterance .words')?.textContent}`,
          ...(turn.querySelector('.marker:last-child')?.textContent === 'Session ended'
            ? ['Session ended']
            : []),
          ...[...turn.querySelectorAll('.caption .words')].map((caption) => `Alexa > ${caption.textContent}`),
        ]),
      );
  }

  it('opens the skill and adds a number said in words: the answer, the request, the stored counter and what changed', async () => {
    const { url } = await startConsole(['--memory']);
    const page = await open(url);
    // the page opens ready to type
    expect(await page.evaluate('document.activeElement.id')).to.equal('utterance');
    expect(await page.getByLabel('Type what you would say to Alexa').getAttribute('placeholder')).to.equal(
      `open ${INVOCATION}`,
    );

    await say(page, `open ${INVOCATION}`, 'Your saved counter is 0.');
    await say(page, 'add twenty one', 'Added 21. Your saved counter is 21.');

    const request = skillIo(page).getByRole('region', { name: 'JSON input' });
    expect(await request.locator('[data-path="request.intent.name"]').textContent()).to.equal(
      '"name": "IncrementIntent",',
    );
    expect(await request.locator('[data-path="request.intent.slots.amount.value"]').textContent()).to.equal(
      '"value": "21",',
    );
    const counter = storedItem(page).locator('[data-path="attributes.counter"]');
    expect(await counter.textContent()).to.equal('"counter": 21');
    // a new item: everything in it is new
    expect(await storedItem(page).locator('[data-path="attributes"]').getAttribute('class')).to.include(
      'added',
    );

    await say(page, 'add five', 'Added 5. Your saved counter is 26.');
    await counter.filter({ hasText: '26' }).waitFor();
    expect(await counter.getAttribute('class')).to.include('changed');
    expect(await counter.getAttribute('title')).to.equal('changed, was 21');
    expect(await counter.textContent()).to.equal('"counter": 26 (changed, was 21)');
    expect(await storedItem(page).locator('[data-path="version"]').textContent()).to.include('"version": 2,');

    const input = page.getByLabel('Type what you would say to Alexa');
    await input.press('ArrowUp');
    expect(await input.inputValue()).to.equal('add five');
    await input.press('ArrowUp');
    expect(await input.inputValue()).to.equal('add twenty one');

    if (process.env.UPDATE_SCREENSHOT) {
      await input.fill('');
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: SCREENSHOT });
    }
  });

  it('saves a replay file that npm start -- --replay replays to the same transcript', async () => {
    const { url } = await startConsole(['--memory']);
    const page = await open(url);
    await say(page, `open ${INVOCATION}`, 'Your saved counter is 0.');
    await say(page, 'add twenty one', 'Added 21.');
    await say(page, 'hello', 'Hi there, Hello World! Your saved counter is 22.');
    await say(page, 'stop', 'Goodbye. Your counter is 22.');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Save as replay file' }).click(),
    ]);
    const file = path.join(workDir, download.suggestedFilename());
    await download.saveAs(file);

    expect(JSON.parse(readFileSync(file, 'utf8'))).to.deep.equal({
      skillId: PLACEHOLDER_SKILL_ID,
      locale: 'en-US',
      type: 'text',
      userInput: [`open ${INVOCATION}`, 'add twenty one', 'hello', 'stop', '.quit'],
    });
    // npm start echoes the file's closing ".quit", which is no part of the conversation
    const replayed = (await replayedTranscript(file)).filter((line) => line !== 'User  > .quit');
    expect(replayed).to.deep.equal(await transcriptOf(page));
  });

  it('loads a replay file and runs it turn by turn; a file that is not one is refused, saying why', async () => {
    const { url } = await startConsole(['--memory']);
    const page = await open(url);
    const replay = path.join(workDir, 'count.json');
    const userInput = [`open ${INVOCATION}`, 'add three', 'what is my count', '.quit'];
    writeFileSync(
      replay,
      JSON.stringify({ skillId: PLACEHOLDER_SKILL_ID, locale: 'en-GB', type: 'text', userInput }),
    );

    await chooseFile(page, replay);
    await page.getByText(`Replaying count.json: input 1 of 4, "open ${INVOCATION}".`).waitFor();
    await page.getByRole('button', { name: 'Next turn' }).click();
    await conversation(page).getByText('Your saved counter is 0.').waitFor();
    await page.getByRole('button', { name: 'Run to the end' }).click();
    await page.getByText('Replayed count.json: all 4 inputs.').waitFor();

    expect(await transcriptOf(page)).to.deep.equal([
      `User  > open ${INVOCATION}`,
      `Alexa > Welcome to ${SKILL_NAME}. Your saved counter is 0. You can say hello, add a number, or ask for your count.`,
      'User  > add three',
      'Alexa > Added 3. Your saved counter is 3.',
      'User  > what is my count',
      'Alexa > Your counter is 3.',
    ]);
    expect(await page.getByLabel('Locale').inputValue()).to.equal('en-GB');

    const notAReplay = path.join(workDir, 'notes.json');
    writeFileSync(notAReplay, JSON.stringify({ locale: 'en-US', userInput: ['hi'] }));
    await chooseFile(page, notAReplay);
    expect(await page.getByRole('alert').textContent()).to.equal('Replay file must contain skillId');
  });

  it('takes in an edited speech string on the next utterance; a syntax error is shown, and the last skill answers', async () => {
    const project = editableProjectCopy();
    try {
      const { url } = await startConsole(['--memory'], { project });
      const page = await open(url);
      await say(page, `ask ${INVOCATION} to add five`, 'Added 5. Your saved counter is 5.');

      project.edit('lambda/src/speech/shared/en.ts', (text) =>
        text.replace('`Added ${amount}.', '`You added ${amount}.'),
      );
      await say(page, 'add two', 'You added 2. Your saved counter is 7.');
      await conversation(page)
        .getByText(/^lambda\/src changed: the skill reloaded in \d+ ms\.$/)
        .waitFor();

      project.edit('lambda/src/speech/shared/en.ts', (text) => `${text}\nexport const broken = ;\n`);
      await say(page, 'add one', 'You added 1. Your saved counter is 8.');
      const health = page.getByRole('status');
      await health.getByText('The sources do not load; the last version that loaded answers:').waitFor();
      expect(await health.locator('pre').textContent()).to.match(
        /^Unexpected ";"\n\n\s+lambda\/src\/speech\/shared\/en\.ts:\d+:\d+:/,
      );
    } finally {
      project.remove();
    }
  });

  it('two tabs show one conversation, and utterances sent from both at once are all answered, in turn', async () => {
    const { url } = await startConsole(['--memory']);
    const [first, second] = [await open(url), await open(url)];
    await say(first, `open ${INVOCATION}`, 'Your saved counter is 0.');
    await conversation(second).getByText('Your saved counter is 0.').waitFor();

    // each tab sends three without waiting for the answers, both tabs at once
    await Promise.all(
      [first, second].map(async (page) => {
        const input = page.getByLabel('Type what you would say to Alexa');
        for (let sent = 0; sent < 3; sent++) {
          await input.fill('add one');
          await input.press('Enter');
        }
      }),
    );
    for (const page of [first, second]) {
      await conversation(page).getByText('Added 1. Your saved counter is 6.').waitFor();
      await storedItem(page).locator('[data-path="attributes.counter"]').filter({ hasText: '6' }).waitFor();
    }
    expect(await transcriptOf(first)).to.deep.equal(await transcriptOf(second));
    expect((await transcriptOf(first)).filter((line) => line.startsWith('Alexa > Added'))).to.deep.equal(
      [1, 2, 3, 4, 5, 6].map((count) => `Alexa > Added 1. Your saved counter is ${count}.`),
    );
  });

  it("keeps another site's page out: its requests are refused, it reads nothing, and it cannot frame the console", async () => {
    const { url } = await startConsole(['--memory']);
    const attacker = await serveAttackerPage(url);
    try {
      const page = await browser.context.newPage();
      await page.goto(attacker.url);
      // the browser's own code, as text: this project's types describe Node, not the page
      const results = await page.waitForFunction('window.results', undefined, { timeout: 10_000 });

      // the post reaches the console, which refuses it (Origin); the browser hides even that it answered
      // (Cross-Origin-Resource-Policy), and does not send the others at all (CORS)
      expect(await results.jsonValue()).to.deep.equal([
        'say: TypeError',
        'events: TypeError',
        'delete item: TypeError',
      ]);
      // framed, the console would show at its own address; refused, Chromium shows an error page instead
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      expect(frame, 'the iframe').to.not.equal(undefined);
      expect(frame?.url()).to.not.equal(url);

      const console = await open(url);
      expect(await conversation(console).locator('.turn').count()).to.equal(0);
      expect(await storedItem(console).textContent()).to.include('No stored item');
    } finally {
      attacker.server.close();
    }
  });

  it('is usable from the keyboard alone, every control with a name', async () => {
    const { url } = await startConsole(['--memory']);
    const page = await open(url);
    for (const name of ['Send', 'Switch', 'New session', 'New user', 'Load replay file'])
      await page.getByRole('button', { name, exact: true }).waitFor();
    for (const name of ['Locale', 'User', 'Device', 'Type what you would say to Alexa'])
      await page.getByLabel(name, { exact: true }).waitFor();

    await page.keyboard.type(`ask ${INVOCATION} to add five`);
    await page.keyboard.press('Enter');
    await conversation(page).getByText('Added 5. Your saved counter is 5.').waitFor();
    // a link once there is something to save
    await page.getByRole('link', { name: 'Save as replay file' }).waitFor();
    await tabTo(page, 'New user');
    await page.keyboard.press('Enter');
    await storedItem(page).getByText('No stored item').waitFor();

    await tabTo(page, `Show the Skill I/O of "ask ${INVOCATION} to add five"`);
    await page.keyboard.press('Enter');
    await tabTo(page, 'Copy JSON input');
  });

  it('says so when the console stops, and picks up again when it is back', async () => {
    const port = await freePort();
    const first = await startConsole(['--memory'], { port });
    const page = await open(first.url);
    await say(page, `open ${INVOCATION}`, 'Welcome');

    first.run.signal('SIGTERM');
    await first.run.ended;
    await page.getByText('Not connected to npm run console').waitFor();
    expect(await page.getByLabel('Type what you would say to Alexa').isDisabled()).to.equal(true);

    await startConsole(['--memory'], { port });
    await page.getByText('Ready.').waitFor({ timeout: 30_000 });
    expect(await conversation(page).locator('.turn').count()).to.equal(0);
    await say(page, `open ${INVOCATION}`, 'Your saved counter is 0.');
  });
});

async function chooseFile(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Load replay file' }).click(),
  ]);
  await chooser.setFiles(file);
}

/** Presses Tab until the control named `name` has the focus (as a person using the keyboard would). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 100; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      "document.activeElement.getAttribute('aria-label') ?? document.activeElement.textContent.trim()",
    );
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** What `npm start -- --memory --replay FILE` says, without its banner and goodbye. */
function replayedTranscript(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        path.join(PROJECT_ROOT, 'tools', 'dialog', 'cli.ts'),
        '--memory',
        '--replay',
        file,
      ],
      { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const lines = output.split('\n');
      resolve(lines.slice(3, lines.indexOf('Goodbye!')));
    });
  });
}

/**
 * A page on another origin (another port) that tries what a hostile site would: post an utterance without
 * asking (a "simple" request, which browsers send), read the event stream, delete the stored item, and frame
 * the console. It lists what happened in `window.results`.
 */
async function serveAttackerPage(consoleUrl: string): Promise<{ server: Server; url: string }> {
  const script = `
    const console = ${JSON.stringify(consoleUrl)};
    const results = [];
    const attempt = async (what, request) => {
      try {
        const response = await request();
        results.push(what + ': ' + (response.type === 'opaque' ? 'sent blind (no-cors), answer unreadable' : 'read ' + response.status));
      } catch (error) {
        results.push(what + ': ' + error.name);
      }
    };
    (async () => {
      await attempt('say', () => fetch(console + 'api/say', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ utterance: ${JSON.stringify(`ask ${INVOCATION} to add five`)} }) }));
      await attempt('events', () => fetch(console + 'api/events'));
      await attempt('delete item', () => fetch(console + 'api/item', { method: 'DELETE' }));
      window.results = results;
    })();`;
  const html = `<!doctype html><title>Another site</title><iframe src="${consoleUrl}"></iframe><script>${script}</script>`;
  const server = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'text/html' }).end(html),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
