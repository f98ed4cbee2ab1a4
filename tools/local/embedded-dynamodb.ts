import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { Level } from 'level';

/**
 * A real DynamoDB-compatible engine (dynalite) in this process, on 127.0.0.1, for local runs and tests.
 * Nothing here ships to Lambda: the skill only ever sees an endpoint and a table name.
 */
export interface EmbeddedDynamoDb {
  endpoint: string;
  tableName: string;
  region: string;
  /** dynalite accepts any credentials; the SDK insists on having some. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

export const LOCAL_TABLE_NAME = 'hello-counter-local';
const LOCAL_REGION = 'us-east-1';
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(readonly dataDir: string) {
    super(
      `The local DynamoDB data in ${dataDir} is in use by another process (another npm start?). ` +
        'Stop that process, or use --memory for a throwaway store.',
    );
  }
}

/**
 * Starts the engine, in memory or on disk in `dataDir`, with the skill's table (key `id`, a string).
 * On disk, the process holds the folder until `stop()`; another process gets a DataDirInUseError.
 */
export async function startEmbeddedDynamoDb(options: { dataDir?: string } = {}): Promise<EmbeddedDynamoDb> {
  const lock = options.dataDir ? await lockDataDir(options.dataDir) : undefined;
  const server = dynalite({
    createTableMs: 0,
    path: options.dataDir && path.join(options.dataDir, 'tables'),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const store: EmbeddedDynamoDb = {
    endpoint: `http://127.0.0.1:${port}`,
    tableName: LOCAL_TABLE_NAME,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    async stop() {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await lock?.close();
    },
  };
  await createTable(store);
  return store;
}

/** The same key schema as the Alexa-hosted table and the CloudFormation stack. */
async function createTable(store: EmbeddedDynamoDb): Promise<void> {
  const client = new DynamoDBClient(store);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: store.tableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  try {
    await waitUntilActive(client, store.tableName);
  } finally {
    client.destroy();
  }
}

/** dynalite marks a new table ACTIVE on a timer; until then it answers "not found", as DynamoDB would. */
async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    if (Date.now() > deadline) throw new Error(`Local table ${tableName} is still ${Table?.TableStatus}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * LevelDB allows one process per folder, and dynalite crashes on the first request when it is not the one.
 * A small LevelDB of our own beside dynalite's, held open while the store runs, makes that a clear error:
 * its lock is the operating system's, so it is released even when the process is killed.
 */
async function lockDataDir(dataDir: string): Promise<Level> {
  await mkdir(dataDir, { recursive: true });
  const lock = new Level(path.join(dataDir, 'lock'));
  try {
    await lock.open();
  } catch (error) {
    if (isLockedError(error)) throw new DataDirInUseError(dataDir);
    throw error;
  }
  return lock;
}

function isLockedError(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code === 'LEVEL_LOCKED';
}
