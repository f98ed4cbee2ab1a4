/**
 * This project's handler and adapter against ask-sdk-dynamodb-persistence-adapter (the seed's), both on the
 * same in-process dynalite: bundle size and load time, lost updates, request latency.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PersistenceAdapter } from 'ask-sdk-core';
import { DynamoDbPersistenceAdapter } from 'ask-sdk-dynamodb-persistence-adapter';
import { DynamoDB } from 'aws-sdk';
import { build } from 'esbuild';
import { createDocumentClient } from '../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../lambda/src/skill';
import { bundleForLambda, PROJECT_ROOT } from '../tools/build/bundle';
import { EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../tools/local/embedded-dynamodb';
import { intentRequest, launchRequest } from '../test/support/requests';
import { median } from './figures';

/**
 * The seed's recipe (Amazon's page "Use DynamoDB for Data Persistence with Your Alexa-hosted Skill"): its skill
 * builder and adapter, and its handler that reads the counter, here answering a LaunchRequest. `endpoint`
 * points aws-sdk v2, which does not read AWS_ENDPOINT_URL_DYNAMODB, at the local engine; on Lambda it is unset.
 */
const SEED_ENTRY = `
const Alexa = require('ask-sdk-core');
const AWS = require('aws-sdk');
const ddbAdapter = require('ask-sdk-dynamodb-persistence-adapter');
const LaunchRequestHandler = {
  canHandle: (handlerInput) => Alexa.getRequestType(handlerInput.requestEnvelope) === 'LaunchRequest',
  async handle(handlerInput) {
    const attributes = (await handlerInput.attributesManager.getPersistentAttributes()) || {};
    const counter = attributes.hasOwnProperty('counter') ? attributes.counter : 0;
    return handlerInput.responseBuilder.speak('Hi there, Hello World! Your counter is ' + counter).getResponse();
  },
};
exports.handler = Alexa.SkillBuilders.custom()
  .addRequestHandlers(LaunchRequestHandler)
  .withPersistenceAdapter(new ddbAdapter.DynamoDbPersistenceAdapter({
    tableName: process.env.DYNAMODB_PERSISTENCE_TABLE_NAME, createTable: false,
    dynamoDBClient: new AWS.DynamoDB({ apiVersion: 'latest', region: process.env.DYNAMODB_PERSISTENCE_REGION,
      endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB }) }))
  .lambda();`;

/** The seed's recipe as one minified file, as esbuild bundles this project's handler. */
export async function bundleSeed(folder: string): Promise<string> {
  const entry = path.join(folder, 'seed-entry.js');
  writeFileSync(entry, SEED_ENTRY);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    write: false,
    logLevel: 'silent',
    nodePaths: [path.join(PROJECT_ROOT, 'node_modules')],
  });
  return result.outputFiles[0].text;
}

/** Median time for a fresh Node process to load the bundle (what a Lambda cold start pays for code). */
function loadTimeMs(file: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
  const runs = Array.from({ length: 5 }, () =>
    Number(execFileSync(process.execPath, ['-e', script]).toString()),
  );
  return median(runs);
}

export function officialAdapter(store: EmbeddedDynamoDb): PersistenceAdapter {
  return new DynamoDbPersistenceAdapter({
    tableName: store.tableName,
    dynamoDBClient: new DynamoDB({
      endpoint: store.endpoint,
      region: store.region,
      credentials: store.credentials,
    }),
  });
}

export function ourAdapter(store: EmbeddedDynamoDb): PersistenceAdapter {
  return createDynamoDbPersistenceAdapter({
    client: createDocumentClient(store),
    tableName: store.tableName,
  });
}

export async function concurrentIncrements(adapter: PersistenceAdapter, count: number): Promise<string> {
  const skill = buildSkill({ persistenceAdapter: adapter });
  await Promise.all(
    Array.from({ length: count }, (_, device) =>
      skill.invoke(intentRequest('IncrementIntent', {}, { userId: 'bench', deviceId: `d${device}` })),
    ),
  );
  const response = await skill.invoke(intentRequest('GetCountIntent', {}, { userId: 'bench' }));
  const ssml = response.response.outputSpeech?.type === 'SSML' ? response.response.outputSpeech.ssml : '';
  return /counter is (\d+)/.exec(ssml)?.[1] ?? '?';
}

export async function requestLatencyMs(adapter: PersistenceAdapter, rounds: number): Promise<number> {
  const skill = buildSkill({ persistenceAdapter: adapter });
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    await skill.invoke(intentRequest('HelloWorldIntent', {}, { userId: `user-${round % 10}` }));
    await skill.invoke(launchRequest({ userId: `user-${round % 10}` }));
    times.push(Number(process.hrtime.bigint() - start) / 2e6);
  }
  return median(times);
}

export async function compareWithOfficialAdapter(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  try {
    const ours = await bundleForLambda();
    const seed = await bundleSeed(folder);
    writeFileSync(path.join(folder, 'ours.js'), ours);
    writeFileSync(path.join(folder, 'seed.js'), seed);
    const kib = (text: string) => (Buffer.byteLength(text) / 1024).toFixed(0);
    const gzKib = (text: string) => (gzipSync(text).length / 1024).toFixed(0);
    console.log('Deployed handler (minified bundle)       this project   official adapter (aws-sdk v2)');
    console.log(
      `  size, KiB                              ${kib(ours).padStart(12)}   ${kib(seed).padStart(12)}`,
    );
    console.log(
      `  compressed (gzip), KiB                 ${gzKib(ours).padStart(12)}   ${gzKib(seed).padStart(12)}`,
    );
    const oursLoad = loadTimeMs(path.join(folder, 'ours.js'));
    const seedLoad = loadTimeMs(path.join(folder, 'seed.js'));
    console.log(
      `  load time, ms (median of 5)            ${oursLoad.toFixed(0).padStart(12)}   ${seedLoad.toFixed(0).padStart(12)}   (ratio ${(seedLoad / oursLoad).toFixed(1)}x)`,
    );

    for (const [label, makeAdapter] of [
      ['this project', ourAdapter],
      ['official adapter', officialAdapter],
    ] as const) {
      const store = await startEmbeddedDynamoDb();
      const stored = await concurrentIncrements(makeAdapter(store), 20);
      const latency = await requestLatencyMs(makeAdapter(store), 200);
      await store.stop();
      console.log(
        `${label.padEnd(17)} 20 concurrent increments stored: ${stored.padStart(3)}; median request on dynalite: ${latency.toFixed(2)} ms`,
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
