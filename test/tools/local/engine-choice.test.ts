import { expect } from 'chai';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ResponseEnvelope } from 'ask-sdk-model';
import { chooseStore } from '../../../tools/local/store-options';
import { describeOnEachEngine, describeOnEngine } from '../../support/engines';
import { launchRequest } from '../../support/requests';
import { speechOf } from '../../support/responses';
import { INVOCATION } from '../../support/skill-names';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = 'tools/dialog/cli.ts';
const SERVE = 'tools/serve/server.ts';

interface Tool {
  child: ChildProcessWithoutNullStreams;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves once `text` has appeared on standard output; rejects if the tool exits first. */
  prints(text: string | RegExp): Promise<void>;
  exited: Promise<number | null>;
}

/** `npm start -- ARGS` or `npm run serve -- ARGS`, as its own process, with input we write. */
function startTool(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Tool {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', script, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      NO_COLOR: '1',
      PORT: '0',
      SKILL_ID: '',
      DYNAMODB_PERSISTENCE_TABLE_NAME: '',
      ...env,
    },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const shows = (text: string | RegExp) =>
    typeof text === 'string' ? output.stdout.includes(text) : text.test(output.stdout);
  return {
    child,
    get stdout() {
      return output.stdout;
    },
    get stderr() {
      return output.stderr;
    },
    async prints(text) {
      while (!shows(text)) {
        const stopped = await Promise.race([
          once(child.stdout, 'data').then(() => false),
          exited.then(() => true),
        ]);
        if (stopped && !shows(text))
          throw new Error(`exited before printing ${text}:\n${output.stdout}\n${output.stderr}`);
      }
    },
    exited,
  };
}

/** Process ids whose command line mentions `text` (Linux's /proc; CI runs on Linux). */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function noProcessMentions(text: string, withinMs: number): Promise<number[]> {
  const deadline = Date.now() + withinMs;
  let left = processesMentioning(text);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = processesMentioning(text);
  }
  return left;
}

function transcriptOf(stdout: string): string {
  const lines = stdout.split('\n');
  return `${lines.slice(3, lines.indexOf('Goodbye!')).join('\n')}\n`;
}

describe('choosing the local DynamoDB engine', () => {
  it('is dynalite in .local/dynamodb unless --engine says otherwise', () => {
    expect(chooseStore({})).to.deep.equal({
      engine: 'dynalite',
      dataDir: path.join(ROOT, '.local', 'dynamodb'),
    });
    expect(chooseStore({ engine: 'dynamodb-local' })).to.deep.equal({
      engine: 'dynamodb-local',
      dataDir: path.join(ROOT, '.local', 'dynamodb-local'),
    });
    expect(chooseStore({ engine: 'dynamodb-local', memory: true })).to.deep.equal({
      engine: 'dynamodb-local',
      dataDir: undefined,
    });
  });

  describe('answers in one line with exit status 2', function () {
    this.timeout(60_000);
    const noJava = { PATH: path.join(os.tmpdir(), 'a-folder-without-java'), JAVA_HOME: '' };

    it('when npm start -- --engine dynamodb-local finds no Java', async () => {
      const run = startTool(CLI, ['--engine', 'dynamodb-local', '--memory'], noJava);
      expect(await run.exited).to.equal(2);
      expect(run.stderr.trim().split('\n')).to.deep.equal([
        '[Error]: DynamoDB Local needs Java 17 or newer, and there is no java in JAVA_HOME or on PATH: ' +
          'install a JRE (e.g. apt-get install default-jre-headless), or leave out --engine to use dynalite.',
      ]);
    });

    it('when npm run serve -- --engine dynamodb-local finds no Java', async () => {
      const run = startTool(SERVE, ['--engine', 'dynamodb-local', '--memory'], noJava);
      expect(await run.exited).to.equal(2);
      expect(run.stderr.trim().split('\n')).to.have.length(1);
      expect(run.stderr).to.contain('DynamoDB Local needs Java 17 or newer');
    });

    it('when the java found cannot run DynamoDB Local (too old, say), with its last words', async () => {
      const oldJava = mkdtempSync(path.join(os.tmpdir(), 'old-java-'));
      try {
        writeFileSync(
          path.join(oldJava, 'java'),
          '#!/bin/sh\necho "Error: java.lang.UnsupportedClassVersionError: class file version 61.0" >&2\nexit 1\n',
          { mode: 0o755 },
        );
        const run = startTool(CLI, ['--engine', 'dynamodb-local', '--memory'], {
          PATH: oldJava,
          JAVA_HOME: '',
        });
        expect(await run.exited).to.equal(2);
        expect(run.stderr.trim().split('\n')).to.deep.equal([
          `[Error]: DynamoDB Local stopped while starting (${oldJava}/java exited with status 1; it needs Java 17 ` +
            'or newer): Error: java.lang.UnsupportedClassVersionError: class file version 61.0',
        ]);
      } finally {
        rmSync(oldJava, { recursive: true, force: true });
      }
    });

    it('for an engine that does not exist', async () => {
      const run = startTool(CLI, ['--engine', 'mongodb', '--memory']);
      expect(await run.exited).to.equal(2);
      expect(run.stderr.trim()).to.equal(
        '[Error]: There is no DynamoDB engine "mongodb": use dynalite or dynamodb-local.',
      );
    });
  });
});

describeOnEachEngine('npm start -- --engine', (engine) => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(path.join(os.tmpdir(), `engine-${engine}-`))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('replays counting-session.json with the transcript committed beside it', async function () {
    this.timeout(120_000);
    const replay = path.join(ROOT, 'test', 'dialogs', 'counting-session.json');
    const run = startTool(CLI, ['--engine', engine, '--data-dir', dataDir, '--replay', replay]);
    expect(await run.exited, run.stderr).to.equal(0);
    expect(transcriptOf(run.stdout)).to.equal(readFileSync(replay.replace(/\.json$/, '.txt'), 'utf8'));
  });
});

describeOnEngine('dynamodb-local', "DynamoDB Local's JVM ends with the process that started it", () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(path.join(os.tmpdir(), 'engine-jvm-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`npm start killed with ${signal}: no JVM left, the count kept, the folder free for the next run`, async function () {
      this.timeout(180_000);
      const first = startTool(CLI, ['--engine', 'dynamodb-local', '--data-dir', dataDir]);
      await first.prints('Welcome to ASK Dialog');
      first.child.stdin.write(`open ${INVOCATION}\nadd five\n`);
      await first.prints('Added 5.');
      expect(processesMentioning(dataDir)).to.have.length.greaterThan(0);

      first.child.kill(signal);
      await first.exited;
      expect(await noProcessMentions(dataDir, 15_000)).to.deep.equal([]);

      const second = startTool(CLI, ['--engine', 'dynamodb-local', '--data-dir', dataDir]);
      second.child.stdin.end(`open ${INVOCATION}\n.quit\n`);
      expect(await second.exited, second.stderr).to.equal(0);
      expect(second.stdout).to.contain('Your saved counter is 5.');
    });
  }

  it('npm run serve killed with SIGKILL leaves no JVM either, after answering on DynamoDB Local', async function () {
    this.timeout(180_000);
    const serve = startTool(SERVE, ['--engine', 'dynamodb-local', '--data-dir', dataDir, '--no-verify']);
    await serve.prints(/Skill endpoint: POST \S+/);
    expect(serve.stdout).to.contain(`Storage: embedded DynamoDB Local in ${dataDir}`);
    const url = /Skill endpoint: POST (\S+)/.exec(serve.stdout)?.[1] ?? '';
    const reply = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(launchRequest()),
    });
    expect(speechOf((await reply.json()) as ResponseEnvelope)).to.contain('Your saved counter is 0.');

    serve.child.kill('SIGKILL');
    await serve.exited;
    expect(await noProcessMentions(dataDir, 15_000)).to.deep.equal([]);
  });
});
