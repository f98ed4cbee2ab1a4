import { SkillRequestSignatureVerifier, TimestampVerifier, type Verifier } from 'ask-sdk-express-adapter';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import express from 'express';
import { SkillConfig } from '../../lambda/src/config';
import { isJsonObject } from '../../lambda/src/is-object';
import { createDocumentClient } from '../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../../lambda/src/skill';
import { answerErrors, MAX_BODY_SIZE, refuse, serveHttp, type HttpServer } from '../http/http-server';
import { DEFAULT_ENGINE, type DynamoDbEngine } from '../local/embedded-dynamodb';
import { startLocalSkill } from '../local/local-skill';
import { storeName } from '../local/store-options';

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
   * finish for up to a second, then closes the store (and so releases the .local data folder).
   */
  close(): Promise<void>;
}

/**
 * Serves the skill over HTTP on `host:port` until `close()`; TLS is the job of the proxy in front. Whatever is
 * not a request envelope gets a short JSON error (400, 404, 413) and never reaches the skill.
 */
export async function startSkillServer(options: SkillServerOptions): Promise<SkillServer> {
  const { invoke, storage, close: closeSkill } = await openSkill(options);
  const verifiers: Verifier[] = options.verifyRequests
    ? [new SkillRequestSignatureVerifier(), new TimestampVerifier()]
    : [];
  const app = express();
  const http = serveHttp(app);
  app.disable('x-powered-by');
  app.post('/', express.text({ type: () => true, limit: MAX_BODY_SIZE }), async (request, response) => {
    http.answering(response);
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
      response.json(await invoke(envelope));
    }
  });
  app.use((_request, response) => refuse(response, 404, 'Not found: the skill answers POST /.'));
  app.use(answerErrors('the server log'));

  let server: HttpServer;
  try {
    server = await http.listen(options.host, options.port);
  } catch (error) {
    await closeSkill();
    throw error;
  }
  return {
    url: server.url,
    storage,
    async close() {
      await server.close();
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
  const request = isJsonObject(parsed) ? parsed.request : undefined;
  return isJsonObject(request) && typeof request.type === 'string' ? (parsed as RequestEnvelope) : undefined;
}

/** Where Alexa puts the skill id; the SDK would throw on a missing context rather than answer 400. */
function applicationIdOf(envelope: RequestEnvelope): unknown {
  return envelope.context?.System?.application?.applicationId;
}

interface OpenedSkill {
  invoke(envelope: RequestEnvelope): Promise<ResponseEnvelope>;
  /** Which DynamoDB the skill uses, for people reading the console. */
  storage: string;
  close(): Promise<void>;
}

/** On the table the environment names, as on Lambda; otherwise on the embedded engine the other local tools use. */
async function openSkill({
  config,
  dataDir,
  engine = DEFAULT_ENGINE,
}: SkillServerOptions): Promise<OpenedSkill> {
  if (config.tableName) {
    const client = createDocumentClient({ region: config.region });
    const skill = buildSkill({
      persistenceAdapter: createDynamoDbPersistenceAdapter({ client, tableName: config.tableName }),
      skillId: config.skillId,
    });
    return {
      invoke: (envelope) => skill.invoke(envelope),
      storage: `DynamoDB table ${config.tableName}${config.region ? ` in ${config.region}` : ''}`,
      close: async () => client.destroy(),
    };
  }
  const local = await startLocalSkill({ engine, dataDir, skillId: config.skillId });
  return {
    invoke: local.invoke,
    storage: `embedded ${storeName(engine)} ${dataDir ? `in ${dataDir}` : 'in memory'}`,
    close: local.stop,
  };
}
