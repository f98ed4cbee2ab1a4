import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Skill } from 'ask-sdk-core';
import { ExpressAdapter } from 'ask-sdk-express-adapter';
import express from 'express';
import { SkillConfig } from '../../lambda/src/config';
import { createDocumentClient } from '../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../../lambda/src/skill';
import { DynamoDbEngine } from '../local/embedded-dynamodb';
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
  close(): Promise<void>;
}

/** Serves the skill over HTTP on `host:port` until `close()`; TLS is the job of the proxy in front. */
export async function startSkillServer(options: SkillServerOptions): Promise<SkillServer> {
  const { skill, storage, close: closeSkill } = await openSkill(options);
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
    await closeSkill();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/`,
    storage,
    async close() {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await closeSkill();
    },
  };
}

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
