import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Skill } from 'ask-sdk-core';
import { SkillRequestSignatureVerifier, TimestampVerifier, type Verifier } from 'ask-sdk-express-adapter';
import { RequestEnvelope } from 'ask-sdk-model';
import express, { type ErrorRequestHandler, type Response } from 'express';
import { SkillConfig } from '../../lambda/src/config';
import { createDocumentClient } from '../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../../lambda/src/skill';
import { DynamoDbEngine } from '../local/embedded-dynamodb';
import { startLocalSkill } from '../local/local-skill';
import { storeName } from '../local/store-options';

/**
 * Alexa waits 8 s for an answer, and its requests, a few KB from Amazon's data centres, arrive within
 * milliseconds. A client whose headers are not in after HEADERS_TIMEOUT_MS, or whose body is not in after
 * REQUEST_TIMEOUT_MS, is slow or holding the connection on purpose (slowloris); it could not get an answer in
 * time anyway, so it gets 408 and its connection is closed. Node looks for such connections every
 * TIMEOUT_CHECK_INTERVAL_MS; its default of 30 s would let them stay far longer.
 */
const HEADERS_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 5_000;
const TIMEOUT_CHECK_INTERVAL_MS = 500;

/** body-parser's default, kept: a request envelope is a few KB, and this bounds what one request can cost. */
const MAX_BODY_SIZE = '100kb';

/**
 * On close, requests the skill is already answering get this long to finish, which a turn on the local engine
 * does in milliseconds; then their connections are cut. Together with closing the store it stays inside the
 * tools' STOP_DEADLINE_MS.
 */
const CLOSE_GRACE_MS = 1_000;

export interface SkillServerOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /**
   * Check each request's signature (Amazon's certificate chain) and timestamp, as Amazon requires of any
   * HTTPS endpoint. Only local tools that cannot sign requests may turn this off.
   */
  verifyRequests: boolean;
  /** The skill settings from the environment; `skillId` set means other skills' requests are rejected. */
  config: SkillConfig;
  /** Without a table in `config`, the embedded DynamoDB keeps its data here (in memory when unset). */
  dataDir?: string;
  /** The embedded engine: dynalite unless set. */
  engine?: DynamoDbEngine;
}

export interface SkillServer {
  /** Where Alexa (through your HTTPS proxy or tunnel) sends POST requests. */
  url: string;
  /** Which DynamoDB the skill uses, for people reading the console. */
  storage: string;
  /**
   * Stops listening at once, closes idle and half-received connections, lets the requests being answered
   * finish for up to CLOSE_GRACE_MS, then closes the store (and so releases the .local data folder).
   */
  close(): Promise<void>;
}

/**
 * Serves the skill over HTTP on `host:port` until `close()`; TLS is the job of the proxy in front. Whatever is
 * not a request envelope gets a short JSON error (400, 404, 413) and never reaches the skill.
 */
export async function startSkillServer(options: SkillServerOptions): Promise<SkillServer> {
  const { skill, storage, close: closeSkill } = await openSkill(options);
  const verifiers: Verifier[] = options.verifyRequests
    ? [new SkillRequestSignatureVerifier(), new TimestampVerifier()]
    : [];
  /** Requests received in full that the skill is working on: the ones a close waits for. */
  const answering = new Set<ServerResponse>();

  const app = express();
  app.disable('x-powered-by');
  app.post('/', express.text({ type: () => true, limit: MAX_BODY_SIZE }), async (request, response) => {
    answering.add(response);
    response.once('close', () => answering.delete(response));
    try {
      await Promise.all(verifiers.map((verifier) => verifier.verify(request.body, request.headers)));
    } catch (error) {
      refuse(response, 400, `Request verification failed: ${error instanceof Error ? error.message : error}`);
      return;
    }
    const envelope = parseEnvelope(request.body);
    if (!envelope) {
      refuse(response, 400, 'The body is not an Alexa request envelope: a JSON object with request.type.');
    } else if (options.config.skillId && applicationIdOf(envelope) !== options.config.skillId) {
      refuse(response, 400, 'The request is for another skill.');
    } else {
      response.json(await skill.invoke(envelope));
    }
  });
  app.use((_request, response) => refuse(response, 404, 'Not found: the skill answers POST /.'));
  app.use(answerError);

  const server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    app,
  );
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, resolve);
    });
  } catch (error) {
    await closeSkill();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/`,
    storage,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const busy = new Set([...answering].map((response) => response.socket));
      for (const socket of connections) if (!busy.has(socket)) socket.destroy();
      for (const response of answering) if (!response.headersSent) response.setHeader('connection', 'close');
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
      await closeSkill();
    },
  };
}

/** The body as a request envelope, if it has what every Alexa request has: an object with request.type. */
function parseEnvelope(body: unknown): RequestEnvelope | undefined {
  if (typeof body !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const request = isObject(parsed) ? parsed.request : undefined;
  return isObject(request) && typeof request.type === 'string' ? (parsed as RequestEnvelope) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where Alexa puts the skill id; the SDK would throw on a missing context rather than answer 400. */
function applicationIdOf(envelope: RequestEnvelope): unknown {
  return envelope.context?.System?.application?.applicationId;
}

/** A short JSON answer that says what was wrong with the request, and nothing about the server. */
function refuse(response: Response, status: number, error: string): void {
  if (!response.headersSent) response.status(status).json({ error });
}

/** body-parser's errors carry their HTTP status; any other error is a bug, logged with its stack. */
const answerError: ErrorRequestHandler = (error: { status?: unknown }, _request, response, _next) => {
  const status = typeof error?.status === 'number' ? error.status : 500;
  if (status === 413) refuse(response, 413, `The body is larger than ${MAX_BODY_SIZE}.`);
  else if (status >= 400 && status < 500) refuse(response, status, 'The request body could not be read.');
  else {
    console.error(error);
    refuse(response, 500, 'The skill failed on this request; the server log says why.');
  }
};

interface OpenedSkill {
  skill: Skill;
  /** Which DynamoDB the skill uses, for people reading the console. */
  storage: string;
  close(): Promise<void>;
}

/** On the table the environment names, as on Lambda; otherwise on the embedded engine the other local tools use. */
async function openSkill({ config, dataDir, engine = 'dynalite' }: SkillServerOptions): Promise<OpenedSkill> {
  if (config.tableName) {
    const client = createDocumentClient({ region: config.region });
    return {
      skill: buildSkill({
        persistenceAdapter: createDynamoDbPersistenceAdapter({ client, tableName: config.tableName }),
        skillId: config.skillId,
      }),
      storage: `DynamoDB table ${config.tableName}${config.region ? ` in ${config.region}` : ''}`,
      close: async () => client.destroy(),
    };
  }
  const local = await startLocalSkill({ engine, dataDir, skillId: config.skillId });
  return {
    skill: local.skill,
    storage: `embedded ${storeName(engine)} ${dataDir ? `in ${dataDir}` : 'in memory'}`,
    close: local.stop,
  };
}
