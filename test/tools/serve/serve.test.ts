import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { readConfig } from '../../../lambda/src/config';
import { createDocumentClient } from '../../../lambda/src/persistence/dynamodb-client';
import { EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../../../tools/local/embedded-dynamodb';
import { SkillServer, startSkillServer } from '../../../tools/serve/skill-server';
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

    it('rejects an unsigned request with 400', async () => {
      const reply = await post(serve.url, launchRequest());
      expect(reply.status).to.equal(400);
      expect(await reply.text()).to.include('Missing Certificate for the skill request');
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
      expect(speechOf(response)).to.include('Welcome to Hello Counter. Your saved counter is 0.');
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

    it("refuses another skill's requests without answering them", async () => {
      const reply = await post(server.url, launchRequest({ skillId: 'amzn1.ask.skill.someone-else' }));
      expect(reply.status).to.be.at.least(400);
      expect(await reply.text()).not.to.include('outputSpeech');
    });
  });
});
