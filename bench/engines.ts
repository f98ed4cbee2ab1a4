/**
 * dynalite against Amazon's DynamoDB Local, in one run: start-up of the embedded store, request latency, lost
 * updates; and what a condition on the attributes map (which only DynamoDB Local evaluates) would cost next
 * to the adapter's version number. Without Java, says so and measures dynalite alone.
 */
import { DynamoDBDocumentClient, GetCommand, PutCommand, PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../lambda/src/persistence/dynamodb-client';
import {
  DynamoDbEngine,
  EmbeddedDynamoDb,
  ENGINE_LABELS,
  startEmbeddedDynamoDb,
} from '../tools/local/embedded-dynamodb';
import { LocalStoreError } from '../tools/local/store-errors';
import { median } from './figures';
import { concurrentIncrements, ourAdapter, requestLatencyMs } from './official-adapter';

const STARTS = 3;
const ROUNDS = 200;
const UPDATES = 100;

type Row = [label: string, ...figures: string[]];

export async function compareEngines(): Promise<void> {
  const engines: DynamoDbEngine[] = ['dynalite', 'dynamodb-local'];
  const columns = new Map<DynamoDbEngine, Row[]>();
  for (const engine of engines) {
    try {
      columns.set(engine, await measureEngine(engine));
    } catch (error) {
      if (!(error instanceof LocalStoreError)) throw error;
      console.log(`${ENGINE_LABELS[engine]} not measured: ${error.message}`);
    }
  }
  const measured = [...columns.keys()];
  printTable(
    ['Embedded store', ...measured.map((engine) => ENGINE_LABELS[engine])],
    (columns.get(measured[0]) ?? []).map(([label], row) => [
      label,
      ...measured.map((engine) => columns.get(engine)?.[row][1] ?? ''),
    ]),
  );
  if (columns.has('dynamodb-local')) await compareConditions();
}

async function measureEngine(engine: DynamoDbEngine): Promise<Row[]> {
  const starts: number[] = [];
  const stops: number[] = [];
  for (let run = 0; run < STARTS; run++) {
    const started = performance.now();
    const store = await startEmbeddedDynamoDb({ engine });
    starts.push(performance.now() - started);
    const stopping = performance.now();
    await store.stop();
    stops.push(performance.now() - stopping);
  }
  const store = await startEmbeddedDynamoDb({ engine });
  try {
    await requestLatencyMs(ourAdapter(store), 20); // warm-up: the JVM compiles its hot paths
    return [
      [`start-up to a ready table, ms (median of ${STARTS})`, median(starts).toFixed(0)],
      ['stop, ms', median(stops).toFixed(0)],
      [
        `request with a read and a write, ms (median of ${ROUNDS})`,
        (await requestLatencyMs(ourAdapter(store), ROUNDS)).toFixed(2),
      ],
      ['20 concurrent increments stored', await concurrentIncrements(ourAdapter(store), 20)],
    ];
  } finally {
    await store.stop();
  }
}

/**
 * Optimistic locking two ways, on DynamoDB Local: the adapter's version number, or the simpler condition
 * `#attributes = :read` (no extra attribute, items of the official adapter need no special case), and the
 * latter on dynalite, which never finds two maps equal.
 */
type Condition = 'version number' | 'attributes map';

async function compareConditions(): Promise<void> {
  const rows: Row[] = [];
  const dynamoDbLocal = await startEmbeddedDynamoDb({ engine: 'dynamodb-local' });
  const dynalite = await startEmbeddedDynamoDb({ engine: 'dynalite' });
  try {
    for (const [size, note] of [
      ['small item', ''],
      ['10 KB item', 'x'.repeat(10_000)],
    ] as const) {
      const figures: { medianMs: number; putBytes: number }[] = [];
      // the second round of each counts: the first lets the JVM compile both paths
      for (let round = 0; round < 2; round++) {
        figures[0] = await sequentialUpdates(dynamoDbLocal, 'version number', note);
        figures[1] = await sequentialUpdates(dynamoDbLocal, 'attributes map', note);
      }
      rows.push([
        `update (read + conditional put), ${size}, ms`,
        ...figures.map((f) => f.medianMs.toFixed(2)),
      ]);
      rows.push([`  bytes sent by the put, ${size}`, ...figures.map((f) => String(f.putBytes))]);
    }
    for (const [label, store] of [
      ['DynamoDB Local', dynamoDbLocal],
      ['dynalite', dynalite],
    ] as const) {
      rows.push([
        `20 concurrent increments stored, ${label}`,
        String(await racingIncrements(store, 'version number')),
        String(await racingIncrements(store, 'attributes map')),
      ]);
    }
  } finally {
    await Promise.all([dynamoDbLocal.stop(), dynalite.stop()]);
  }
  console.log();
  printTable(['Optimistic locking condition', 'version number (used)', 'attributes map'], rows);
}

let userCount = 0;

async function sequentialUpdates(
  store: EmbeddedDynamoDb,
  condition: Condition,
  note: string,
): Promise<{ medianMs: number; putBytes: number }> {
  const client = createDocumentClient(store);
  const putBytes = recordPutSize(client);
  const id = `bench-${++userCount}`;
  const times: number[] = [];
  try {
    for (let update = 0; update < UPDATES; update++) {
      const started = performance.now();
      if (!(await increment(client, store.tableName, id, condition, note)))
        throw new Error(`${condition}: a write was refused with nobody racing`);
      times.push(performance.now() - started);
    }
    return { medianMs: median(times), putBytes: putBytes.last };
  } finally {
    client.destroy();
  }
}

/** 20 increments at once, each retried up to 20 times (a simpler stand-in for the counter store's retries); the count stored after. */
async function racingIncrements(store: EmbeddedDynamoDb, condition: Condition): Promise<number> {
  const client = createDocumentClient(store);
  const id = `bench-${++userCount}`;
  try {
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let attempt = 0; attempt < 20; attempt++) {
          if (await increment(client, store.tableName, id, condition, '')) return;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
        }
      }),
    );
    const { Item } = await client.send(
      new GetCommand({ TableName: store.tableName, Key: { id }, ConsistentRead: true }),
    );
    return (Item?.attributes as { counter?: number } | undefined)?.counter ?? 0;
  } finally {
    client.destroy();
  }
}

/** One read and one conditional write, as the adapter does; false when the condition refused the write. */
async function increment(
  client: DynamoDBDocumentClient,
  tableName: string,
  id: string,
  condition: Condition,
  note: string,
): Promise<boolean> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName, Key: { id }, ConsistentRead: true }),
  );
  const read = (Item?.attributes ?? {}) as Record<string, unknown>;
  const attributes = { ...read, counter: ((read.counter as number | undefined) ?? 0) + 1, note };
  const version = (Item?.version as number | undefined) ?? 0;
  const put: PutCommandInput = !Item
    ? {
        TableName: tableName,
        Item: condition === 'version number' ? { id, attributes, version: 1 } : { id, attributes },
        ConditionExpression: 'attribute_not_exists(id)',
      }
    : condition === 'version number'
      ? {
          TableName: tableName,
          Item: { id, attributes, version: version + 1 },
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': version },
        }
      : {
          TableName: tableName,
          Item: { id, attributes },
          ConditionExpression: '#attributes = :read',
          ExpressionAttributeNames: { '#attributes': 'attributes' },
          ExpressionAttributeValues: { ':read': read },
        };
  try {
    await client.send(new PutCommand(put));
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** The size of the last PutItem request body the client sent. */
function recordPutSize(client: DynamoDBDocumentClient): { last: number } {
  const size = { last: 0 };
  client.middlewareStack.add(
    (next, context) => (args) => {
      const body = (args.request as { body?: unknown }).body;
      if (context.commandName === 'PutItemCommand' && typeof body === 'string')
        size.last = Buffer.byteLength(body);
      return next(args);
    },
    { step: 'finalizeRequest' },
  );
  return size;
}

function printTable(header: string[], rows: Row[]): void {
  const width = Math.max(...[header, ...rows].map(([label]) => label.length));
  const line = ([label, ...figures]: string[], columnWidths: number[]) =>
    `${label.padEnd(width)}  ${figures.map((figure, column) => figure.padStart(columnWidths[column])).join('  ')}`;
  const columnWidths = header
    .slice(1)
    .map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column + 1] ?? '').length)));
  console.log(line(header, columnWidths));
  for (const row of rows) console.log(line(row, columnWidths));
}
