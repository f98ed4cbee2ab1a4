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
import { name as projectName } from '../../package.json';
import { startDynamoDbLocal } from './dynamodb-local';
import { LocalStoreError } from './store-errors';

/**
 * A real DynamoDB engine on 127.0.0.1, for local runs and tests: dynalite (a reimplementation in JavaScript,
 * in this process; the default, it needs nothing beyond npm ci) or Amazon's own DynamoDB Local (a JVM, for
 * its exact behaviour; it needs Java). Nothing here ships to Lambda: the skill only ever sees an endpoint and
 * a table name.
 */
const DYNAMODB_ENGINES = ['dynalite', 'dynamodb-local'] as const;
export type DynamoDbEngine = (typeof DYNAMODB_ENGINES)[number];
export const DEFAULT_ENGINE: DynamoDbEngine = 'dynalite';
/** How people call them, for what the tools print. */
export const ENGINE_LABELS: Record<DynamoDbEngine, string> = {
  dynalite: 'dynalite',
  'dynamodb-local': 'DynamoDB Local',
};

/** A running engine with no table of ours yet. */
export interface DynamoDbServer {
  engine: DynamoDbEngine;
  endpoint: string;
  region: string;
  /** Both engines accept any credentials; the SDK insists on having some. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

/** A running engine with the skill's table in it. */
export interface EmbeddedDynamoDb extends DynamoDbServer {
  tableName: string;
}

/** Named after the project, so that `npm run rename` renames it too. */
export const LOCAL_TABLE_NAME = `${projectName}-local`;
const LOCAL_REGION = 'us-east-1';
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export class DataDirInUseError extends LocalStoreError {
  override name = 'DataDirInUseError';
  constructor(readonly dataDir: string) {
    super(
      `The local DynamoDB data in ${dataDir} is in use by another process (another npm start?). ` +
        'Stop that process, or use --memory for a throwaway store.',
    );
  }
}

export class UnknownEngineError extends LocalStoreError {
  override name = 'UnknownEngineError';
  constructor(readonly engine: string) {
    super(`There is no DynamoDB engine "${engine}": use ${DYNAMODB_ENGINES.join(' or ')}.`);
  }
}

/** An engine's name as a user typed it (--engine, DYNAMODB_ENGINE); the default when none is given. */
export function parseEngine(name: string | undefined): DynamoDbEngine {
  if (name === undefined) return DEFAULT_ENGINE;
  const engine = DYNAMODB_ENGINES.find((known) => known === name);
  if (!engine) throw new UnknownEngineError(name);
  return engine;
}

/**
 * Starts the engine with the skill's table (key `id`, a string), in memory or on disk in `dataDir`.
 * On disk, the process holds the folder until `stop()`; another process gets a DataDirInUseError.
 */
export async function startEmbeddedDynamoDb(
  options: { engine?: DynamoDbEngine; dataDir?: string } = {},
): Promise<EmbeddedDynamoDb> {
  const server = await startDynamoDbServer(options.engine ?? DEFAULT_ENGINE, options);
  try {
    await createLocalTable(server, LOCAL_TABLE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { ...server, tableName: LOCAL_TABLE_NAME };
}

/** Starts an engine with no table: tests share one per run and make a table per test. */
export async function startDynamoDbServer(
  engine: DynamoDbEngine,
  options: { dataDir?: string } = {},
): Promise<DynamoDbServer> {
  const lock = options.dataDir ? await lockDataDir(options.dataDir) : undefined;
  try {
    const started =
      engine === 'dynalite'
        ? await startDynalite(options.dataDir)
        : await startDynamoDbLocal({ dbPath: options.dataDir });
    return {
      engine,
      endpoint: started.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      async stop() {
        await started.stop();
        await lock?.close();
      },
    };
  } catch (error) {
    await lock?.close();
    throw error;
  }
}

async function startDynalite(
  dataDir: string | undefined,
): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    path: dataDir && path.join(dataDir, 'tables'),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The same key schema as the Alexa-hosted table and the CloudFormation stack. */
export async function createLocalTable(server: DynamoDbServer, tableName: string): Promise<void> {
  const client = new DynamoDBClient(server);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  try {
    await waitUntilActive(client, tableName);
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
 * One process per data folder, whichever the engine: LevelDB allows one process per folder, and dynalite
 * crashes on the first request when it is not the one; two DynamoDB Local JVMs would share one SQLite file.
 * A small LevelDB of our own in the folder, held open while the store runs, makes that a clear error:
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
