import { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { readConfig } from './config';
import { createDocumentClient } from './persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from './persistence/dynamodb-persistence-adapter';
import { buildSkill } from './skill';

const config = readConfig();

const skill = buildSkill({
  persistenceAdapter: createDynamoDbPersistenceAdapter({
    client: createDocumentClient({ region: config.region }),
    tableName: config.tableName,
  }),
  skillId: config.skillId,
});

/** The Lambda entry point: Alexa-hosted and self-hosted functions both call `index.handler`. */
export const handler = (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);
