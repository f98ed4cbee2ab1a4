/**
 * Many increments at once on the embedded engine (in this process, like `npm start`): whether every
 * acknowledged increment is stored exactly once, what the users hear, and how long answers take against the
 * 8 seconds Alexa waits. Each request's time budget starts when it is sent, as Alexa's clock does.
 */
import { createDocumentClient } from '../lambda/src/persistence/dynamodb-client';
import { buildSkill } from '../lambda/src/skill';
import { enUS } from '../lambda/src/speech/locales/en-US';
import { ALEXA_WAITS_MS } from '../lambda/src/time-budget';
import { EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../tools/local/embedded-dynamodb';
import { captureLogs } from '../test/support/logs';
import { intentRequest } from '../test/support/requests';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { PersistenceAdapter } from 'ask-sdk-core';
import { officialAdapter, ourAdapter } from './official-adapter';

type AdapterFor = (store: EmbeddedDynamoDb) => PersistenceAdapter;

/** The baseline: the official adapter on the same engine, in the same run. */
const SCENARIOS: { adapter: [name: string, make: AdapterFor]; users: number; perUser: number }[] = [
  { adapter: ['this project', ourAdapter], users: 1, perUser: 1 },
  { adapter: ['this project', ourAdapter], users: 1, perUser: 20 },
  { adapter: ['this project', ourAdapter], users: 1, perUser: 500 },
  { adapter: ['this project', ourAdapter], users: 200, perUser: 10 },
  { adapter: ['official adapter', officialAdapter], users: 1, perUser: 20 },
  { adapter: ['official adapter', officialAdapter], users: 1, perUser: 500 },
];

const SETTLE_MS = 3000;

/** What a user heard, by the sentence of en-US speech it was. */
const HEARD: [kind: string, sentence: string][] = [
  ['many updates at once', enUS.tooManyUpdates],
  ["can't reach", enUS.storageUnavailable],
  ['data too large', enUS.savedDataTooLarge],
  ['something went wrong', enUS.somethingWentWrong],
];

interface Outcome {
  kind: string;
  ms: number;
}

async function increment(invoke: () => Promise<unknown>): Promise<Outcome> {
  const start = process.hrtime.bigint();
  const response = (await invoke()) as { response: { outputSpeech?: { ssml?: string } } };
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const ssml = response.response.outputSpeech?.ssml ?? '';
  if (ssml.startsWith('<speak>Added 1.')) return { kind: 'added', ms };
  return { kind: HEARD.find(([, sentence]) => ssml.includes(sentence))?.[0] ?? `other: ${ssml}`, ms };
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

async function scenario(adapter: AdapterFor, users: number, perUser: number): Promise<string> {
  const store = await startEmbeddedDynamoDb();
  const client = createDocumentClient(store);
  const skill = buildSkill({ persistenceAdapter: adapter(store) });
  const userIds = Array.from({ length: users }, (_, user) => `amzn1.ask.account.bench-${user}`);
  const { result: outcomes, logs } = await captureLogs(() =>
    Promise.all(
      userIds.flatMap((userId) =>
        Array.from({ length: perUser }, (_, device) =>
          increment(() =>
            skill.invoke(intentRequest('IncrementIntent', {}, { userId, deviceId: `device-${device}` })),
          ).then((outcome) => ({ userId, ...outcome })),
        ),
      ),
    ),
  );
  // A write that got no answer before the deadline may land later: its user heard an apology.
  const unresolved = logs.split('\n').filter((line) => /PutItem (got no answer|gave up)/.test(line));
  // Calls given up at the deadline may still be queued in the engine: let them land (or fail) first.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  let lost = 0;
  let extra = 0;
  for (const userId of userIds) {
    const { Item } = await client.send(
      new GetCommand({ TableName: store.tableName, Key: { id: userId }, ConsistentRead: true }),
    );
    const stored = Number((Item?.attributes as { counter?: number } | undefined)?.counter ?? 0);
    const acknowledged = outcomes.filter((o) => o.userId === userId && o.kind === 'added').length;
    lost += Math.max(0, acknowledged - stored);
    extra += Math.max(0, stored - acknowledged);
  }
  client.destroy();
  await store.stop();

  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const heard = new Map<string, number>();
  for (const { kind } of outcomes) heard.set(kind, (heard.get(kind) ?? 0) + 1);
  const share = (kind: string) => `${(((heard.get(kind) ?? 0) / outcomes.length) * 100).toFixed(1)}%`;
  const apologies = [...heard.keys()].filter((kind) => kind !== 'added');
  const inTime = times.filter((ms) => ms <= ALEXA_WAITS_MS).length;
  return [
    `${users} user${users > 1 ? 's' : ''} × ${perUser} at once`.padEnd(22),
    `${outcomes.length}`.padStart(6),
    share('added').padStart(8),
    (apologies.map((kind) => `${kind} ${share(kind)}`).join(', ') || 'none').padEnd(46),
    `${lost}`.padStart(5),
    `${extra}`.padStart(6),
    `${unresolved.length}`.padStart(11),
    percentile(times, 0.5).toFixed(0).padStart(7),
    percentile(times, 0.99).toFixed(0).padStart(7),
    times[times.length - 1].toFixed(0).padStart(7),
    `${inTime}/${outcomes.length}`.padStart(10),
  ].join(' ');
}

export async function loadOnOneUserAndMany(): Promise<void> {
  console.log('Concurrent IncrementIntent ("add one") on the embedded engine, in this process.');
  console.log('lost = acknowledged but not stored; extra = stored but not acknowledged (a double count, or');
  console.log("a write whose answer did not come before the deadline: 'unresolved' counts those);");
  console.log('times in ms from request to answer.\n');
  console.log(
    `${'adapter'.padEnd(17)} ${'requests'.padEnd(22)} ${'total'.padStart(6)} ${'added'.padStart(8)} ${'apologies'.padEnd(46)} ${'lost'.padStart(5)} ${'extra'.padStart(6)} ${'unresolved'.padStart(11)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)} ${'within 8 s'.padStart(10)}`,
  );
  for (const { adapter, users, perUser } of SCENARIOS) {
    console.log(`${adapter[0].padEnd(17)} ${await scenario(adapter[1], users, perUser)}`);
  }
}
