import { Skill } from 'ask-sdk-core';
import { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createDocumentClient } from '../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../../lambda/src/skill';
import { DynamoDbEngine, startEmbeddedDynamoDb } from './embedded-dynamodb';

export interface LocalSkill {
  /** The ASK SDK skill itself, for what takes one (ask-sdk-express-adapter). */
  skill: Skill;
  /** Sends one request envelope to the TypeScript skill, as Lambda would. */
  invoke(request: RequestEnvelope): Promise<ResponseEnvelope>;
  stop(): Promise<void>;
}

/**
 * The skill from its TypeScript sources on the embedded DynamoDB (dynalite unless `engine` says otherwise):
 * on disk in `dataDir`, or in memory without one. With `skillId`, requests for other skills are rejected.
 */
export async function startLocalSkill(
  options: { engine?: DynamoDbEngine; dataDir?: string; skillId?: string } = {},
): Promise<LocalSkill> {
  const store = await startEmbeddedDynamoDb({ engine: options.engine, dataDir: options.dataDir });
  const client = createDocumentClient(store);
  const skill = buildSkill({
    persistenceAdapter: createDynamoDbPersistenceAdapter({ client, tableName: store.tableName }),
    skillId: options.skillId,
  });
  return {
    skill,
    invoke: (request) => skill.invoke(request),
    async stop() {
      client.destroy();
      await store.stop();
    },
  };
}
