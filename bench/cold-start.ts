/**
 * The deployed handler's cold start: a fresh Node process loads the zip's index.js (built by the function
 * ask-cli's build hook calls) and answers one LaunchRequest, which reads the user's item from the embedded
 * engine in this process. Runs interleave with bare `node -e 0`, two floors (the SDK's client alone, Node with
 * one bare HTTP call) and the seed's recipe on the official adapter, so each ratio compares runs made over the
 * same minutes. Then where the time goes (CPU profiles of the zip's code, by phase and package) and what the zip
 * holds (esbuild's metafile, by package).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap, SourceMapPayload } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { build, Metafile } from 'esbuild';
import { lambdaBuildOptions, PROJECT_ROOT } from '../tools/build/bundle';
import { writeLambdaZip } from '../tools/build/lambda-zip';
import { EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../tools/local/embedded-dynamodb';
import { launchRequest } from '../test/support/requests';
import { median } from './figures';
import { bundleSeed } from './official-adapter';

const runToExit = promisify(execFile);

const ROUNDS = 21;
const PROFILED_RUNS = 5;

/**
 * Loads a handler and answers one request as Lambda's runtime calls it (a promise, or the callback that the
 * SDK's `.lambda()` handlers take), printing the response as one line; with no request it only loads the
 * handler. With MARKS set, it also writes when it started and finished loading and when it answered.
 */
const DRIVER = `
const now = () => Number(process.hrtime.bigint() / 1000n);
const [handlerFile, request] = process.argv.slice(2);
const loading = now();
const { handler } = require(handlerFile);
const loaded = now();
const answer = (response) => {
  if (process.env.MARKS) require('fs').writeFileSync(process.env.MARKS, JSON.stringify([loading, loaded, now()]));
  process.stdout.write(JSON.stringify(response) + '\\n');
  process.exit(0);
};
const fail = (error) => { console.error(error); process.exit(1); };
if (request === undefined) answer('loaded');
const context = { getRemainingTimeInMillis: () => 8000 };
const result = handler(JSON.parse(request), context, (error, response) => (error ? fail(error) : answer(response)));
if (result && typeof result.then === 'function') result.then(answer, fail);
`;

interface Contender {
  label: string;
  args: string[];
  /** What the output must contain: proof that the run did what it is timed for. */
  expected?: string;
}

/**
 * Milliseconds from spawning Node until the first line of output, or until it exits when it prints none.
 * Spawned, not run synchronously: the engine answering the handler runs on this process's event loop.
 */
function timeToAnswer(contender: Contender, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, contender.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(Number(process.hrtime.bigint() - start) / 1e6);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('\n')) return;
      if (contender.expected && !output.includes(contender.expected)) {
        settle(new Error(`${contender.label} answered without "${contender.expected}": ${output}`));
      } else settle();
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', settle);
    child.on('exit', (status) => {
      if (status === 0 && !contender.expected) settle();
      else settle(new Error(`${contender.label} exited ${status} before answering:\n${errors}`));
    });
  });
}

/** As Lambda runs a function: region, table and the role's credentials in the environment. */
function lambdaEnvironment(store: EmbeddedDynamoDb): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_REGION: store.region,
    AWS_ACCESS_KEY_ID: store.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: store.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: 'local',
    DYNAMODB_PERSISTENCE_TABLE_NAME: store.tableName,
    DYNAMODB_PERSISTENCE_REGION: store.region,
    AWS_ENDPOINT_URL_DYNAMODB: store.endpoint,
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
  };
}

/**
 * The zip's index.js built again with a source map, which maps profiled code back to packages. Its code is
 * the zip's, checked byte for byte, but for the line that names the map.
 */
async function buildWithSourceMap(
  folder: string,
  zipCode: string,
): Promise<{ handler: string; sourceMap: SourceMap; metafile: Metafile }> {
  const handler = path.join(folder, 'index.js');
  const { outputFiles, metafile } = await build({
    ...lambdaBuildOptions(),
    outfile: handler,
    sourcemap: 'external',
    metafile: true,
  });
  const code = outputFiles?.find((file) => file.path === handler)?.text ?? '';
  const map = outputFiles?.find((file) => file.path === `${handler}.map`)?.text ?? '';
  if (code.replace(/\/\/# sourceMappingURL=.*\n$/, '') !== zipCode) {
    throw new Error("The build with a source map differs from the zip's index.js");
  }
  writeFileSync(handler, code);
  return { handler, sourceMap: new SourceMap(JSON.parse(map) as SourceMapPayload), metafile };
}

/** Package a bundled file came from: its folder in node_modules, or which part of the skill's sources. */
function packageOf(file: string): string {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (match) return match[1];
  return /lambda\/src\/speech\//.test(file) ? 'lambda/src/speech' : 'lambda/src (the rest)';
}

/** Bytes the bundle holds from each package of node_modules, and from the skill's own sources. */
function bytesByPackage(metafile: Metafile): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(file);
      bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return bytes;
}

/** The parts of a V8 CPU profile (`node --cpu-prof`) read here. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const PHASES = ["Node's own start", 'loading index.js', 'the first request'] as const;
type Phase = (typeof PHASES)[number];

/**
 * Milliseconds by phase and by cause. A sample counts for the package whose code was running, or had called
 * the Node function that was; work no package asked for is Node's own, named by what it was. The zip's
 * top-level code is one minified function for all packages, so its own share cannot be told apart by package.
 */
function attributeSamples(
  profile: CpuProfile,
  /** When the handler started loading, finished loading and answered (microseconds, the profile's clock). */
  marks: number[],
  handler: string,
  sourceMap: SourceMap,
  totals: Map<Phase, Map<string, number>>,
): void {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const handlerUrl = `file://${handler}`;
  const causeOf = (id: number): string => {
    const leaf = nodes.get(id)?.callFrame;
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const frame = nodes.get(at)?.callFrame;
      if (frame?.url !== handlerUrl) continue;
      if (frame.lineNumber === 0 && frame.columnNumber === 0) {
        return leaf?.url.startsWith('node:')
          ? 'Node: built-in modules the packages load (https, crypto, ...)'
          : "the zip's top-level code (all packages)";
      }
      const entry = sourceMap.findEntry(frame.lineNumber, frame.columnNumber);
      return 'originalSource' in entry
        ? packageOf(entry.originalSource)
        : "esbuild's wrappers that load a module on first use";
    }
    return nodeWork(leaf?.functionName ?? '');
  };
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index];
    const phase = PHASES[marks.findIndex((mark) => time < mark)];
    if (!phase) return;
    const byCause = totals.get(phase) ?? new Map<string, number>();
    const cause = causeOf(id);
    byCause.set(cause, (byCause.get(cause) ?? 0) + profile.timeDeltas[index] / 1000);
    totals.set(phase, byCause);
  });
}

function nodeWork(functionName: string): string {
  if (functionName === '(garbage collector)') return 'Node: garbage collection';
  if (functionName === '(idle)') return 'Node: idle, waiting for the engine';
  if (/^(wrapSafe|compileFunction|readFileUtf8)$/.test(functionName))
    return 'Node: reading and compiling code';
  return 'Node: its own code (start-up, HTTP, timers, promises)';
}

/** Runs the handler under `node --cpu-prof` and prints what each phase of its cold start spent time on. */
async function profileColdStart(
  folder: string,
  handler: string,
  sourceMap: SourceMap,
  env: NodeJS.ProcessEnv,
  driverArgs: string[],
): Promise<void> {
  const totals = new Map<Phase, Map<string, number>>();
  for (let index = 0; index < PROFILED_RUNS; index++) {
    const marksFile = path.join(folder, `run-${index}.json`);
    const profileName = `run-${index}.cpuprofile`;
    const cpuProf = ['--cpu-prof', `--cpu-prof-dir=${folder}`, `--cpu-prof-name=${profileName}`];
    await runToExit(process.execPath, [...cpuProf, ...driverArgs], { env: { ...env, MARKS: marksFile } });
    const profile = JSON.parse(readFileSync(path.join(folder, profileName), 'utf8')) as CpuProfile;
    const marks = JSON.parse(readFileSync(marksFile, 'utf8')) as number[];
    attributeSamples(profile, marks, handler, sourceMap, totals);
  }
  console.log(`\nWhere the zip's cold start goes: CPU profiles of ${PROFILED_RUNS} runs (node --cpu-prof)`);
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
  const all = sum([...totals.values()].map((byCause) => sum(byCause.values())));
  for (const phase of PHASES) {
    const byCause = totals.get(phase) ?? new Map<string, number>();
    const phaseTotal = sum(byCause.values());
    console.log(`  ${phase}: ${percent(phaseTotal, all)} of the profiled time, of which`);
    const groups = new Map<string, [cause: string, ms: number][]>();
    for (const [cause, ms] of byCause)
      groups.set(groupOf(cause), [...(groups.get(groupOf(cause)) ?? []), [cause, ms]]);
    const ranked = [...groups].map(
      ([group, causes]) => [group, sum(causes.map(([, ms]) => ms)), causes] as const,
    );
    for (const [group, ms, causes] of ranked.sort(([, a], [, b]) => b - a)) {
      if (ms < phaseTotal * 0.02) continue;
      const parts = causes.length > 1 ? causes.sort(([, a], [, b]) => b - a) : [];
      const detail = parts.slice(0, 3).map(([cause, partMs]) => `${cause} ${percent(partMs, phaseTotal)}`);
      if (parts.length > 3) detail.push('...');
      console.log(
        `    ${percent(ms, phaseTotal).padStart(4)}  ${group}${detail.length ? ` (${detail.join(', ')})` : ''}`,
      );
    }
  }
}

/** The packages of the two SDKs counted together; everything else stands alone. */
function groupOf(cause: string): string {
  if (/^(@aws-sdk|@smithy|@aws)\/|^(mnemonist|obliterator)$/.test(cause)) return 'the AWS SDK';
  if (cause.startsWith('ask-sdk-')) return 'the ASK SDK';
  if (cause.startsWith('lambda/src')) return "the skill's own code";
  return cause;
}

function percent(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(0)}%`;
}

/**
 * Two floors under the zip, built into handlers like it: the AWS SDK's DynamoDB client alone, built with the
 * zip's options, making the one call a LaunchRequest makes; and Node loading https and sending that call as
 * a bare HTTP request, unsigned (the local engine does not check), which is what any client pays at least.
 */
const SDK_ALONE = `
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({ region: process.env.DYNAMODB_PERSISTENCE_REGION });
export const handler = async () => {
  const { Item } = await client.send(new GetItemCommand({
    TableName: process.env.DYNAMODB_PERSISTENCE_TABLE_NAME, Key: { id: { S: 'nobody' } }, ConsistentRead: true }));
  return { item: Item ?? null };
};`;

const NODE_FLOOR = `
require('node:https');
const http = require('node:http');
exports.handler = () => new Promise((resolve, reject) => {
  const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' };
  const body = JSON.stringify({
    TableName: process.env.DYNAMODB_PERSISTENCE_TABLE_NAME, Key: { id: { S: 'nobody' } }, ConsistentRead: true });
  const request = http.request(process.env.AWS_ENDPOINT_URL_DYNAMODB, { method: 'POST', headers }, (response) => {
    let text = '';
    response.on('data', (chunk) => (text += chunk));
    response.on('end', () => resolve({ item: JSON.parse(text).Item ?? null }));
  });
  request.on('error', reject).end(body);
});`;

async function bundleSdkAlone(): Promise<string> {
  const { outputFiles } = await build({
    ...lambdaBuildOptions(),
    entryPoints: undefined,
    stdin: { contents: SDK_ALONE, resolveDir: path.join(PROJECT_ROOT, 'lambda', 'src'), loader: 'ts' },
  });
  return outputFiles?.[0]?.text ?? '';
}

interface Handlers {
  driver: string;
  zip: string;
  /** The zip's index.js itself. */
  zipCode: string;
  official: string;
  sdkAlone: string;
  nodeFloor: string;
}

/** Each contender's handler, as index.js in a folder of its own under `folder`. */
async function writeHandlers(folder: string): Promise<Handlers> {
  const write = (name: string, code: string) => {
    mkdirSync(path.join(folder, name));
    writeFileSync(path.join(folder, name, 'index.js'), code);
    return path.join(folder, name, 'index.js');
  };
  const zipPath = path.join(folder, 'skill.zip');
  await writeLambdaZip(zipPath);
  const zipCode = new AdmZip(zipPath).readAsText('index.js');
  mkdirSync(path.join(folder, 'seed'));
  const driver = path.join(folder, 'driver.js');
  writeFileSync(driver, DRIVER);
  return {
    driver,
    zip: write('zip', zipCode),
    zipCode,
    official: write('official', await bundleSeed(path.join(folder, 'seed'))),
    sdkAlone: write('sdk-alone', await bundleSdkAlone()),
    nodeFloor: write('node-floor', NODE_FLOOR),
  };
}

export async function measureColdStart(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-cold-start-'));
  const store = await startEmbeddedDynamoDb();
  try {
    const handlers = await writeHandlers(folder);
    const request = JSON.stringify(launchRequest({ userId: 'amzn1.ask.account.COLD-START' }));
    const answering = (handler: string) => [handlers.driver, handler, request];
    const env = lambdaEnvironment(store);

    const bare: Contender = { label: 'bare node -e 0', args: ['-e', '0'] };
    const zip: Contender = {
      label: "the zip's index.js",
      args: answering(handlers.zip),
      expected: 'Your saved counter is',
    };
    const official: Contender = {
      label: "the seed's recipe, official adapter",
      args: answering(handlers.official),
      expected: 'Your counter is',
    };
    const contenders: Contender[] = [
      bare,
      {
        label: 'floor: Node, https, one bare HTTP call',
        args: answering(handlers.nodeFloor),
        expected: '"item":null',
      },
      {
        label: 'floor: the SDK alone, one GetItem',
        args: answering(handlers.sdkAlone),
        expected: '"item":null',
      },
      {
        label: "the zip's index.js, loading only",
        args: [handlers.driver, handlers.zip],
        expected: 'loaded',
      },
      zip,
      official,
    ];
    // One run each first, not counted: it checks every answer and warms up the engine in this process.
    for (const contender of contenders) await timeToAnswer(contender, env);
    const rounds: Map<Contender, number>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const times = new Map<Contender, number>();
      // Each round starts with another contender, so that none always runs after the same one.
      for (let index = 0; index < contenders.length; index++) {
        const contender = contenders[(index + round) % contenders.length];
        times.set(contender, await timeToAnswer(contender, env));
      }
      rounds.push(times);
    }
    // Over the same interleaved rounds, so that a busy moment on the machine slows both sides of a ratio. The
    // median is the figure; the fastest run, which others' work on the machine can only slow, shows the spread.
    const timesOf = (contender: Contender) => rounds.map((times) => times.get(contender) ?? NaN);
    const medians = new Map(contenders.map((contender) => [contender, median(timesOf(contender))]));
    const fastest = new Map(contenders.map((contender) => [contender, Math.min(...timesOf(contender))]));
    const ratio = (of: Map<Contender, number>, contender: Contender, base: Contender) =>
      ((of.get(contender) ?? NaN) / (of.get(base) ?? NaN)).toFixed(2);
    console.log(
      `Cold start to the first answer: a fresh process answers one LaunchRequest, ${ROUNDS} rounds`,
    );
    console.log('(each contender once per round, a different one first in each)');
    console.log(`${''.padEnd(40)} ${'median'.padStart(15)} ${'fastest'.padStart(15)}`);
    console.log(`${''.padEnd(40)} ${'ms  × bare'.padStart(15)} ${'ms  × bare'.padStart(15)}`);
    for (const contender of contenders) {
      const columns = [medians, fastest].map(
        (of) =>
          `${(of.get(contender) ?? NaN).toFixed(0).padStart(6)} ${ratio(of, contender, bare).padStart(8)}`,
      );
      console.log(`  ${contender.label.padEnd(38)} ${columns.join(' ')}`);
    }
    console.log(
      `  the zip takes ${ratio(medians, zip, official)} of the time the official adapter's recipe takes`,
    );

    const profiled = path.join(folder, 'profiled');
    mkdirSync(profiled);
    const { handler, sourceMap, metafile } = await buildWithSourceMap(profiled, handlers.zipCode);
    await profileColdStart(profiled, handler, sourceMap, env, answering(handler));

    const bytes = [...bytesByPackage(metafile)].sort(([, a], [, b]) => b - a);
    const total = bytes.reduce((sum, [, size]) => sum + size, 0);
    console.log(`\nThe zip's index.js by package: ${kib(total)} KiB minified`);
    for (const [name, size] of bytes.filter(([, size]) => size >= 512)) {
      console.log(`  ${kib(size).padStart(6)}  ${name}`);
    }
  } finally {
    await store.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
