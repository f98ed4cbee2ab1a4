import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Skill } from 'ask-sdk-core';
import { createDocumentClient } from '../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../../lambda/src/skill';
import { DynamoDbEngine } from '../../tools/local/embedded-dynamodb';
import { TestTable, useFreshTable } from './engines';

/** A fresh table for each test, on the engine's shared in-memory store, with the skill wired to it and its calls counted. */
export interface SkillUnderTest {
  skill: Skill;
  store: TestTable;
  client: DynamoDBDocumentClient;
  /** DynamoDB operations the skill sent, in order ("GetItem", "PutItem", ...). */
  calls: string[];
  readItem(userId: string): Promise<Record<string, unknown> | undefined>;
  writeItem(item: Record<string, unknown>): Promise<void>;
}

export function useSkillWithEmbeddedDynamoDb(engine: DynamoDbEngine = 'dynalite'): SkillUnderTest {
  const context = {} as SkillUnderTest;
  context.store = useFreshTable(engine);
  // The tests' own reads and writes go through a second client, so they are not counted as the skill's.
  let inspector: DynamoDBDocumentClient;
  beforeEach(() => {
    context.client = createDocumentClient({ ...context.store });
    context.calls = countCalls(context.client);
    context.skill = buildSkill({
      persistenceAdapter: createDynamoDbPersistenceAdapter({
        client: context.client,
        tableName: context.store.tableName,
      }),
    });
    inspector = createDocumentClient({ ...context.store });
    context.readItem = async (userId) =>
      (await inspector.send(new GetCommand({ TableName: context.store.tableName, Key: { id: userId } })))
        .Item;
    context.writeItem = async (item) => {
      await inspector.send(new PutCommand({ TableName: context.store.tableName, Item: item }));
    };
  });
  afterEach(() => {
    context.client.destroy();
    inspector.destroy();
  });
  return context;
}

/** Records the name of every command sent through the client (at the SDK's first middleware step). */
export function countCalls(client: DynamoDBDocumentClient): string[] {
  const calls: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize' },
  );
  return calls;
}
