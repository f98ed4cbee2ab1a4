import { mkdir } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
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

/** Starts the engine, in memory or on disk in `dataDir`, with the skill's table (key `id`, a string). */
export async function startEmbeddedDynamoDb(options: { dataDir?: string } = {}): Promise<EmbeddedDynamoDb> {
  if (options.dataDir) await ensureDataDirFree(options.dataDir);
  const server = dynalite({ createTableMs: 0, path: options.dataDir });
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
    stop: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
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
  } finally {
    client.destroy();
  }
}

/**
 * LevelDB allows one process per folder, and dynalite crashes on the first request when it is not the one.
 * Opening the folder briefly first turns that into a clear error.
 */
async function ensureDataDirFree(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const db = new Level(dataDir);
  try {
    await db.open();
  } catch (error) {
    if (isLockedError(error)) throw new DataDirInUseError(dataDir);
    throw error;
  }
  await db.close();
}

function isLockedError(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code === 'LEVEL_LOCKED';
}
