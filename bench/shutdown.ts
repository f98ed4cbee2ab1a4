/**
 * How long `npm run serve` and `npm start` hold their port and the .local data folder after they are told to
 * stop: a signal to npm alone (what a process manager or `docker stop` sends), next to the same signal to the
 * whole process group (what ctrl+c in a terminal sends, the case that always worked) in the same run. Before
 * the tools watched npm, a signal to npm alone left them running, port and folder held, until killed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirInUseError, startEmbeddedDynamoDb } from '../tools/local/embedded-dynamodb';
import { startFaultyDynamoDb } from '../test/support/faulty-dynamodb';
import { isListening, npmRun, type NpmRun } from '../test/support/npm-run';
import { launchRequest } from '../test/support/requests';
import { median } from './figures';

const RUNS = 3;
/** Past this, the figure is "not released": the tool outlived its stop. */
const GIVE_UP_MS = 10_000;
const POLL_MS = 10;

interface Scenario {
  label: string;
  script: 'serve' | 'start';
  signal: NodeJS.Signals;
  to: 'npm' | 'group';
  /** serve only: a request in hand that waits on a DynamoDB that never answers. */
  hangingRequest?: boolean;
}

const SCENARIOS: Scenario[] = [
  { label: 'npm run serve, SIGTERM to the process group', script: 'serve', signal: 'SIGTERM', to: 'group' },
  { label: 'npm run serve, SIGTERM to npm', script: 'serve', signal: 'SIGTERM', to: 'npm' },
  { label: 'npm run serve, SIGINT to npm', script: 'serve', signal: 'SIGINT', to: 'npm' },
  { label: 'npm run serve, SIGKILL of npm', script: 'serve', signal: 'SIGKILL', to: 'npm' },
  {
    label: 'npm run serve, SIGTERM to npm, a request in hand',
    script: 'serve',
    signal: 'SIGTERM',
    to: 'npm',
    hangingRequest: true,
  },
  { label: 'npm start, SIGTERM to the process group', script: 'start', signal: 'SIGTERM', to: 'group' },
  { label: 'npm start, SIGTERM to npm', script: 'start', signal: 'SIGTERM', to: 'npm' },
  { label: 'npm start, SIGINT to npm', script: 'start', signal: 'SIGINT', to: 'npm' },
  { label: 'npm start, SIGKILL of npm', script: 'start', signal: 'SIGKILL', to: 'npm' },
];

/** Milliseconds from `start` to the first attempt of `check` that says free; Infinity after GIVE_UP_MS. */
async function freeAfter(start: number, check: () => Promise<boolean>): Promise<number> {
  for (;;) {
    const attempt = performance.now();
    if (await check()) return attempt - start;
    if (attempt - start > GIVE_UP_MS) return Infinity;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function dataDirFree(dataDir: string): Promise<boolean> {
  try {
    const store = await startEmbeddedDynamoDb({ dataDir });
    await store.stop();
    return true;
  } catch (error) {
    if (error instanceof DataDirInUseError) return false;
    throw error;
  }
}

interface Stop {
  /** Until the port refused connections and another process could open the data folder. */
  released: number;
  /** Until npm and every process it started had ended. */
  ended: number;
}

/** Starts the scenario's tool and stops it as the scenario says. */
async function stop(scenario: Scenario, dataDir: string): Promise<Stop> {
  const silentDynamoDb = scenario.hangingRequest ? await startFaultyDynamoDb({ faults: {} }) : undefined;
  const env = silentDynamoDb
    ? {
        DYNAMODB_PERSISTENCE_TABLE_NAME: 'hello-counter',
        DYNAMODB_PERSISTENCE_REGION: 'us-east-1',
        AWS_ENDPOINT_URL_DYNAMODB: silentDynamoDb.endpoint,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      }
    : {};
  const args = silentDynamoDb ? [] : ['--data-dir', dataDir];
  let run: NpmRun | undefined;
  try {
    let url: string | undefined;
    if (scenario.script === 'serve') {
      run = npmRun('serve', ['--no-verify', ...args], { PORT: '0', SKILL_ID: '', ...env });
      [, url] = await run.waitFor(/Skill endpoint: POST (\S+)/);
    } else {
      run = npmRun('start', args);
      await run.waitFor(/Type what you would say/);
    }
    if (silentDynamoDb && url) {
      void fetch(url, { method: 'POST', body: JSON.stringify(launchRequest()) }).catch(() => undefined);
      while (!silentDynamoDb.received.includes('GetItem')) await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const start = performance.now();
    run.signal(scenario.signal, scenario.to);
    const ended = run.ended.then(() => performance.now() - start);
    const [port, folder] = await Promise.all([
      url ? freeAfter(start, async () => !(await isListening(url))) : 0,
      silentDynamoDb ? 0 : freeAfter(start, () => dataDirFree(dataDir)),
    ]);
    const giveUp = new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), GIVE_UP_MS));
    return { released: Math.max(port, folder), ended: await Promise.race([ended, giveUp]) };
  } finally {
    run?.kill();
    await run?.ended;
    await silentDynamoDb?.stop();
  }
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(0) : 'never';
}

function medianAndWorst(times: number[]): string {
  return `${ms(median(times)).padStart(6)} ${ms(Math.max(...times)).padStart(6)}`;
}

export async function measureShutdown(): Promise<void> {
  console.log(`After the stop, ms (median, worst of ${RUNS})              port and folder free   all ended`);
  for (const scenario of SCENARIOS) {
    const stops: Stop[] = [];
    for (let run = 0; run < RUNS; run++) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-shutdown-'));
      try {
        stops.push(await stop(scenario, dataDir));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    const released = medianAndWorst(stops.map((one) => one.released));
    const ended = medianAndWorst(stops.map((one) => one.ended));
    console.log(`  ${scenario.label.padEnd(50)} ${released.padStart(20)}   ${ended}`);
  }
}
