import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { readConfig } from '../../../lambda/src/config';
import { speechFor } from '../../../lambda/src/speech';
import { createDocumentClient } from '../../../lambda/src/persistence/dynamodb-client';
import { EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../../../tools/local/embedded-dynamodb';
import { startLocalSkill } from '../../../tools/local/local-skill';
import { SkillServer, startSkillServer } from '../../../tools/serve/skill-server';
import { startFaultyDynamoDb } from '../../support/faulty-dynamodb';
import { isListening, npmRun, type NpmRun } from '../../support/npm-run';
import { intentRequest, launchRequest, TEST_SKILL_ID } from '../../support/requests';
import { expectValidResponse, speechOf } from '../../support/responses';

const projectRoot = path.resolve(__dirname, '../../..');

interface ServeProcess {
  url: string;
  stdout: string;
  stderr: string;
  /** Resolves once `text` has appeared in the command's standard error. */
  stderrShows(text: string): Promise<void>;
  stop(): Promise<number | null>;
}

/** Runs `npm run serve` (its script, without npm) on a free port and waits until it says where it listens. */
async function startServeCommand(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', 'tools/serve/server.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, SKILL_ID: '', DYNAMODB_PERSISTENCE_TABLE_NAME: '', PORT: '0', ...env },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const found = /Skill endpoint: POST (\S+)/.exec(output.stdout);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output.stderr}`)));
  });
  return {
    url,
    get stdout() {
      return output.stdout;
    },
    get stderr() {
      return output.stderr;
    },
    async stderrShows(text) {
      while (!output.stderr.includes(text)) await once(child.stderr, 'data');
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code as number | null;
    },
  };
}

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function postText(url: string, body: string) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

/** A refusal as the server sends it: short JSON that says what was wrong, no stack trace, no paths. */
async function expectShortJsonError(reply: Response, status: number): Promise<string> {
  expect(reply.status).to.equal(status);
  expect(reply.headers.get('content-type')).to.match(/^application\/json/);
  const text = await reply.text();
  expect(text.length).to.be.below(200);
  expect(text).not.to.match(/\bat \S+ \(|node_modules|\/tools\//);
  const { error } = JSON.parse(text) as { error: string };
  expect(error).to.be.a('string');
  return error;
}

/** What a client sees on its socket: the bytes the server sent before closing it. */
function rawExchange(url: string, send: (socket: net.Socket) => void): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => send(socket));
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

async function askSkill(url: string, request: RequestEnvelope): Promise<ResponseEnvelope> {
  const reply = await post(url, request);
  expect(reply.status, await reply.clone().text()).to.equal(200);
  return (await reply.json()) as ResponseEnvelope;
}

describe('npm run serve', function () {
  this.timeout(30_000);

  describe('by default', () => {
    let serve: ServeProcess;
    before(async () => (serve = await startServeCommand(['--memory'])));

    it('listens on 127.0.0.1 and says which storage it uses', () => {
      expect(serve.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(serve.stdout).to.include('Storage: embedded DynamoDB in memory');
    });

    it('rejects an unsigned request with 400 and a short JSON reason', async () => {
      const error = await expectShortJsonError(await post(serve.url, launchRequest()), 400);
      expect(error).to.include('Missing Certificate for the skill request');
    });

    it("rejects a request signed with a certificate URL that is not Amazon's", async () => {
      const reply = await post(serve.url, launchRequest(), {
        signaturecertchainurl: 'https://attacker.example/echo.api/cert.pem',
        'signature-256': 'Zm9yZ2Vk',
      });
      expect(reply.status).to.equal(400);
    });

    it('stops cleanly on SIGTERM', async () => {
      expect(await serve.stop()).to.equal(0);
    });
  });

  describe('with --no-verify', () => {
    let serve: ServeProcess;
    before(async () => (serve = await startServeCommand(['--memory', '--no-verify'])));
    after(async () => serve?.stop());

    it('warns that requests are not verified', async () => {
      await serve.stderrShows('WARNING: --no-verify: request signatures and timestamps are NOT checked');
    });

    it('answers a LaunchRequest from the embedded DynamoDB', async () => {
      const response = await askSkill(serve.url, launchRequest());
      expectValidResponse(response);
      expect(speechOf(response)).to.equal(speechFor('en-US').welcome(0));
    });

    for (const [name, body] of [
      ['malformed JSON', '{"version": "1.0", "request": '],
      ['null', 'null'],
      ['an empty object', '{}'],
      ['an array', '[{"request": {"type": "LaunchRequest"}}]'],
      ['a request without a type', '{"request": {}}'],
    ]) {
      it(`answers ${name} with 400 and a short JSON reason, and logs no stack trace`, async () => {
        const error = await expectShortJsonError(await postText(serve.url, body), 400);
        expect(error).to.include('not an Alexa request envelope');
        expect(serve.stderr).not.to.match(/\n\s+at /);
      });
    }

    it('answers a body over 100 KB with 413 and a short JSON reason, without reading it or logging it', async () => {
      const huge = JSON.stringify({ ...launchRequest(), padding: 'x'.repeat(200 * 1024) });
      const error = await expectShortJsonError(await postText(serve.url, huge), 413);
      expect(error).to.include('larger than 100kb');
      expect(serve.stderr).not.to.match(/\n\s+at |PayloadTooLarge/);
    });

    it('answers any other path or method with 404 and a short JSON reason', async () => {
      await expectShortJsonError(await fetch(new URL('/skill', serve.url), { method: 'POST' }), 404);
      await expectShortJsonError(await fetch(serve.url), 404);
    });

    it('still answers after all that', async () => {
      expect(speechOf(await askSkill(serve.url, launchRequest()))).to.include('Your saved counter is 0.');
    });
  });

  describe('with DYNAMODB_PERSISTENCE_TABLE_NAME set', () => {
    let store: EmbeddedDynamoDb;
    let serve: ServeProcess;
    before(async () => {
      // The embedded engine stands in for a real table: the server only sees the environment Lambda would.
      store = await startEmbeddedDynamoDb();
      serve = await startServeCommand(['--no-verify'], {
        DYNAMODB_PERSISTENCE_TABLE_NAME: store.tableName,
        DYNAMODB_PERSISTENCE_REGION: store.region,
        AWS_ENDPOINT_URL_DYNAMODB: store.endpoint,
        AWS_ACCESS_KEY_ID: store.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: store.credentials.secretAccessKey,
      });
    });
    after(async () => {
      await serve?.stop();
      await store?.stop();
    });

    it('keeps the count in that table', async () => {
      expect(serve.stdout).to.include(`Storage: DynamoDB table ${store.tableName} in ${store.region}`);
      const response = await askSkill(serve.url, intentRequest('IncrementIntent', { amount: '5' }));
      expect(speechOf(response)).to.include('Added 5. Your saved counter is 5.');

      const client = createDocumentClient(store);
      const stored = await client.send(
        new GetCommand({
          TableName: store.tableName,
          Key: { id: launchRequest().context.System.user.userId },
        }),
      );
      client.destroy();
      expect(stored.Item?.attributes).to.deep.include({ counter: 5 });
    });
  });

  describe('with a skill id (SKILL_ID, or the one in .ask/ask-states.json)', () => {
    let server: SkillServer;
    before(async () => {
      server = await startSkillServer({
        port: 0,
        host: '127.0.0.1',
        verifyRequests: false,
        config: { ...readConfig({}), skillId: TEST_SKILL_ID },
      });
    });
    after(async () => server?.close());

    it("answers that skill's requests", async () => {
      expect(speechOf(await askSkill(server.url, launchRequest()))).to.include('Your saved counter is 0.');
    });

    it("refuses another skill's requests with 400, without answering them", async () => {
      const reply = await post(server.url, launchRequest({ skillId: 'amzn1.ask.skill.someone-else' }));
      expect(await expectShortJsonError(reply, 400)).to.equal('The request is for another skill.');
    });
  });

  describe('against slow clients', () => {
    let server: SkillServer;
    /** What each slow client received before the server closed its connection; they all run at once. */
    let slowloris: Promise<string>;
    let bodiless: Promise<string>;
    let silent: Promise<string>;
    before(async () => {
      server = await startSkillServer({
        port: 0,
        host: '127.0.0.1',
        verifyRequests: false,
        config: { ...readConfig({}), skillId: undefined },
      });
      slowloris = rawExchange(server.url, (socket) => {
        socket.write('POST / HTTP/1.1\r\nHost: skill\r\n');
        const trickle = setInterval(() => socket.write('X-Slow: 1\r\n'), 200);
        socket.on('close', () => clearInterval(trickle));
      });
      bodiless = rawExchange(server.url, (socket) =>
        socket.write('POST / HTTP/1.1\r\nHost: skill\r\nContent-Length: 2000\r\n\r\n{"request"'),
      );
      silent = rawExchange(server.url, () => undefined);
    });
    after(async () => server?.close());

    it('answers other requests meanwhile', async () => {
      expect(speechOf(await askSkill(server.url, launchRequest()))).to.include('Your saved counter is 0.');
    });

    it('closes, with 408, a connection whose headers trickle in (slowloris)', async () => {
      expect(await slowloris).to.match(/^HTTP\/1\.1 408 /);
    });

    it('closes, with 408, a connection that sends nothing at all', async () => {
      expect(await silent).to.match(/^HTTP\/1\.1 408 /);
    });

    it('closes, with 408, a connection that announces a body and never sends it', async () => {
      expect(await bodiless).to.match(/^HTTP\/1\.1 408 /);
    });
  });

  describe('stopped through npm, as a process manager stops it', function () {
    this.timeout(60_000);
    let dataDir: string;
    let runs: NpmRun[];
    beforeEach(() => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'serve-stop-'));
      runs = [];
    });
    afterEach(() => {
      for (const run of runs) run.kill();
      rmSync(dataDir, { recursive: true, force: true });
    });

    /** `npm run serve` on its own data folder and a free port; resolves with its endpoint once it listens. */
    async function startServe(args: string[] = [], env: NodeJS.ProcessEnv = {}) {
      const run = npmRun('serve', ['--no-verify', ...args], {
        PORT: '0',
        SKILL_ID: '',
        DYNAMODB_PERSISTENCE_TABLE_NAME: '',
        ...env,
      });
      runs.push(run);
      const [, url] = await run.waitFor(/Skill endpoint: POST (\S+)/);
      return { run, url };
    }

    it('SIGTERM to npm ends it, frees the port and the data folder: the next npm run serve keeps the count', async () => {
      const first = await startServe(['--data-dir', dataDir]);
      await askSkill(first.url, intentRequest('IncrementIntent', { amount: '7' }));

      first.run.signal('SIGTERM');
      await first.run.ended;

      expect(await isListening(first.url)).to.equal(false);
      const second = await startServe(['--data-dir', dataDir]);
      expect(speechOf(await askSkill(second.url, launchRequest()))).to.include('Your saved counter is 7.');
      second.run.signal('SIGTERM');
      await second.run.ended;
    });

    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      it(`${signal} to npm ends it too, and frees the port and the data folder`, async () => {
        const { run, url } = await startServe(['--data-dir', dataDir]);
        await askSkill(url, intentRequest('IncrementIntent', { amount: '3' }));

        run.signal(signal);
        await run.ended;

        expect(await isListening(url)).to.equal(false);
        const next = await startLocalSkill({ dataDir });
        const response = await next.invoke(launchRequest());
        await next.stop();
        expect(speechOf(response)).to.include('Your saved counter is 3.');
      });
    }

    it('SIGTERM to npm while the server is still starting ends it too, once it has started', async () => {
      const run = npmRun('serve', ['--no-verify', '--data-dir', dataDir], { PORT: '0', SKILL_ID: '' });
      runs.push(run);
      // as soon as npm has started its shell, before the shell has started the server
      const children = `/proc/${run.pid}/task/${run.pid}/children`;
      while (!readFileSync(children, 'utf8').trim()) await new Promise((resolve) => setTimeout(resolve, 5));
      run.signal('SIGTERM');
      await run.ended;

      const next = await startLocalSkill({ dataDir });
      await next.stop();
    });

    it('SIGTERM to npm while a request is being answered: the request gets its answer, then it ends', async () => {
      const store = await startEmbeddedDynamoDb();
      const slowDynamoDb = await startFaultyDynamoDb({
        faults: { GetItem: { kind: 'late', delayMs: 400, times: 1 } },
        upstream: store.endpoint,
      });
      try {
        const { run, url } = await startServe([], {
          DYNAMODB_PERSISTENCE_TABLE_NAME: store.tableName,
          DYNAMODB_PERSISTENCE_REGION: store.region,
          AWS_ENDPOINT_URL_DYNAMODB: slowDynamoDb.endpoint,
          AWS_ACCESS_KEY_ID: store.credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: store.credentials.secretAccessKey,
        });
        const answer = askSkill(url, launchRequest());
        while (!slowDynamoDb.received.includes('GetItem')) await new Promise((r) => setTimeout(r, 20));

        run.signal('SIGTERM');
        expect(speechOf(await answer)).to.include('Your saved counter is 0.');
        await run.ended;
        expect(await isListening(url)).to.equal(false);
      } finally {
        await slowDynamoDb.stop();
        await store.stop();
      }
    });

    it('SIGTERM twice, with a request waiting on a DynamoDB that never answers and a slowloris client, still ends it', async () => {
      const silentDynamoDb = await startFaultyDynamoDb({ faults: {} });
      try {
        const { run, url } = await startServe([], {
          DYNAMODB_PERSISTENCE_TABLE_NAME: 'hello-counter',
          DYNAMODB_PERSISTENCE_REGION: 'us-east-1',
          AWS_ENDPOINT_URL_DYNAMODB: silentDynamoDb.endpoint,
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
        });
        const waiting = post(url, launchRequest()).then(
          (reply) => reply.status,
          () => 'cut',
        );
        const slowloris = rawExchange(url, (socket) => socket.write('POST / HTTP/1.1\r\n'));
        while (!silentDynamoDb.received.includes('GetItem')) await new Promise((r) => setTimeout(r, 20));

        run.signal('SIGTERM');
        run.signal('SIGTERM');
        await run.ended;

        expect(await isListening(url)).to.equal(false);
        expect(await waiting).to.equal('cut');
        expect(await slowloris).to.equal('');
        expect(run.output).to.match(/Stopping \(/);
      } finally {
        await silentDynamoDb.stop();
      }
    });
  });
});
