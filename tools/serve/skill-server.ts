import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ExpressAdapter } from 'ask-sdk-express-adapter';
import express from 'express';
import { SkillConfig } from '../../lambda/src/config';
import { createDocumentClient } from '../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../../lambda/src/skill';
import { startEmbeddedDynamoDb } from '../local/embedded-dynamodb';

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
}

export interface SkillServer {
  /** Where Alexa (through your HTTPS proxy or tunnel) sends POST requests. */
  url: string;
  /** Which DynamoDB the skill uses, for people reading the console. */
  storage: string;
  close(): Promise<void>;
}

/** Serves the skill over HTTP on `host:port` until `close()`; TLS is the job of the proxy in front. */
export async function startSkillServer(options: SkillServerOptions): Promise<SkillServer> {
  const storage = await openStorage(options.config, options.dataDir);
  const skill = buildSkill({
    persistenceAdapter: createDynamoDbPersistenceAdapter({
      client: storage.client,
      tableName: storage.tableName,
    }),
    skillId: options.config.skillId,
  });
  const app = express();
  app.disable('x-powered-by');
  const adapter = new ExpressAdapter(skill, options.verifyRequests, options.verifyRequests);
  app.post('/', adapter.getRequestHandlers());

  const server = createServer(app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, resolve);
    });
  } catch (error) {
    await storage.close();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/`,
    storage: storage.description,
    async close() {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await storage.close();
    },
  };
}

interface Storage {
  client: DynamoDBDocumentClient;
  tableName: string;
  description: string;
  close(): Promise<void>;
}

/** The table the environment names, as on Lambda; otherwise the embedded engine the other local tools use. */
async function openStorage(config: SkillConfig, dataDir: string | undefined): Promise<Storage> {
  if (config.tableName) {
    const client = createDocumentClient({ region: config.region });
    return {
      client,
      tableName: config.tableName,
      description: `DynamoDB table ${config.tableName}${config.region ? ` in ${config.region}` : ''}`,
      close: async () => client.destroy(),
    };
  }
  const store = await startEmbeddedDynamoDb({ dataDir });
  const client = createDocumentClient(store);
  return {
    client,
    tableName: store.tableName,
    description: `embedded DynamoDB ${dataDir ? `in ${dataDir}` : 'in memory'}`,
    async close() {
      client.destroy();
      await store.stop();
    },
  };
}
