import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  createLocalTable,
  DynamoDbEngine,
  DynamoDbServer,
  ENGINE_LABELS,
  parseEngine,
  startDynamoDbServer,
} from '../../tools/local/embedded-dynamodb';

/**
 * Persistence tests are written once and run on each DynamoDB engine chosen by DYNAMODB_ENGINE:
 * unset or `dynalite` (what `npm test` runs), `dynamodb-local` (`npm run test:dynamodb-local`), or `all`.
 *
 *   describeOnEachEngine('the counter in DynamoDB', (engine) => {
 *     const table = useFreshTable(engine);   // or useSkillWithEmbeddedDynamoDb(engine)
 *     it('...', async () => { ... table.endpoint, table.tableName ... });
 *   });
 *
 * Each engine is started once per test run, when a test first needs it (a JVM start per test would cost
 * seconds), and each test gets a table of its own.
 */
export function describeOnEachEngine(title: string, define: (engine: DynamoDbEngine) => void): void {
  for (const engine of selectedEngines()) describeOnEngine(engine, title, define);
}

/** For what only one engine does (DynamoDB Local's JVM, say): runs only when that engine is chosen. */
export function describeOnEngine(
  engine: DynamoDbEngine,
  title: string,
  define: (engine: DynamoDbEngine) => void,
): void {
  if (selectedEngines().includes(engine))
    describe(`${title} (on ${ENGINE_LABELS[engine]})`, () => define(engine));
}

function selectedEngines(): DynamoDbEngine[] {
  const chosen = process.env.DYNAMODB_ENGINE;
  if (chosen === 'all') return ['dynalite', 'dynamodb-local'];
  return [parseEngine(chosen || undefined)];
}

/** A table of its own on the shared engine, for the test that is running (fields set before each test). */
export interface TestTable extends Omit<DynamoDbServer, 'stop'> {
  tableName: string;
}

/** The JVM can take this long to start on a busy two-core machine. */
const ENGINE_START_TIMEOUT_MS = 120_000;

export function useFreshTable(engine: DynamoDbEngine): TestTable {
  const table = {} as TestTable;
  before(async function () {
    this.timeout(ENGINE_START_TIMEOUT_MS);
    await sharedServer(engine);
  });
  beforeEach(async () => {
    const server = await sharedServer(engine);
    const tableName = `test-${++tableCount}-${process.pid}`;
    await createLocalTable(server, tableName);
    const { engine: started, endpoint, region, credentials } = server;
    Object.assign(table, { engine: started, endpoint, region, credentials, tableName });
  });
  afterEach(async () => {
    const client = new DynamoDBClient(table);
    try {
      await client.send(new DeleteTableCommand({ TableName: table.tableName }));
    } finally {
      client.destroy();
    }
  });
  return table;
}

let tableCount = 0;
const servers = new Map<DynamoDbEngine, Promise<DynamoDbServer>>();

function sharedServer(engine: DynamoDbEngine): Promise<DynamoDbServer> {
  let server = servers.get(engine);
  if (!server) {
    server = startDynamoDbServer(engine);
    servers.set(engine, server);
  }
  return server;
}

/** Mocha root hooks (this file is in .mocharc.json's `require`): the shared engines stop after the run. */
export const mochaHooks = {
  async afterAll() {
    const started = [...servers.values()];
    servers.clear();
    await Promise.all(started.map(async (server) => (await server).stop()));
  },
};
