/**
 * `npm run test:node-versions` (needs the npm registry, so it is not part of `npm test`): the committed
 * lambda/index.js, after a fresh `npm install --omit=dev` of lambda/package.json as Alexa-hosted does it,
 * answers and counts under every Node.js version Alexa-hosted may run it on; so does the zip ask-cli builds
 * for `ask deploy`, under Lambda's Node 22. The Node binaries come from the npm registry (the
 * `node-<platform>-<arch>` packages) and are kept in .cache/node-versions/.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import AdmZip from 'adm-zip';
import { ResponseEnvelope } from 'ask-sdk-model';
import { speechFor } from '../../../lambda/src/speech';
import { EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../../../tools/local/embedded-dynamodb';
import { PROJECT_ROOT } from '../../../tools/build/bundle';
import { writeLambdaZip } from '../../../tools/build/lambda-zip';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/responses';

const run = promisify(execFile);

/** ask-cli still creates Alexa-hosted skills on Node 16; Lambda's current runtime is 22. */
const NODE_MAJORS = [16, 18, 20, 22];
const CACHE = path.join(PROJECT_ROOT, '.cache', 'node-versions');

/** The `node` binary of the newest release of `major`, from the npm registry, cached between runs. */
async function nodeBinary(major: number): Promise<string> {
  const folder = path.join(CACHE, `node-${major}`);
  const binary = path.join(folder, 'package', 'bin', 'node');
  if (await exists(binary)) return binary;
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const platformPackage = `node-${process.platform}-${process.arch}@${major}`;
  await run('npm', ['pack', platformPackage, '--pack-destination', folder], { cwd: folder });
  const [tarball] = (await readdir(folder)).filter((name) => name.endsWith('.tgz'));
  await run('tar', ['-xzf', tarball], { cwd: folder });
  await rm(path.join(folder, tarball));
  return binary;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Sends the requests to the handler one after the other, as Lambda would, and prints the responses. It runs
 * from a file: under \`node -e\` the built-in modules are globals, and \`crypto\` would hide what Node 16 lacks.
 */
const DRIVER = `
const { handler } = require('./index.js');
const requests = JSON.parse(process.argv[2]);
const context = { getRemainingTimeInMillis: () => 8000 };
(async () => {
  const responses = [];
  for (const request of requests) responses.push(await handler(request, context));
  process.stdout.write(JSON.stringify({ node: process.version, responses }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe('the hosted copy (lambda/index.js) on every Node.js version', function () {
  // Downloads: up to four Node.js packages and lambda/'s dependencies.
  this.timeout(600_000);
  let hostedCopy: string;
  let store: EmbeddedDynamoDb;

  before(async () => {
    hostedCopy = await mkdtemp(path.join(os.tmpdir(), 'hosted-copy-'));
    for (const file of ['index.js', 'package.json']) {
      await copyFile(path.join(PROJECT_ROOT, 'lambda', file), path.join(hostedCopy, file));
    }
    await run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock'], {
      cwd: hostedCopy,
    });
    await writeFile(path.join(hostedCopy, 'driver.js'), DRIVER);
    store = await startEmbeddedDynamoDb();
  });

  after(async () => {
    await store?.stop();
    if (hostedCopy) await rm(hostedCopy, { recursive: true, force: true });
  });

  for (const major of NODE_MAJORS) {
    it(`Node ${major}: answers, counts and keeps the count`, async () => {
      await expectItCounts(major, hostedCopy, store, `amzn1.ask.account.NODE-${major}`);
    });
  }
});

describe("the zip ask-cli builds, on Lambda's nodejs22.x", function () {
  this.timeout(600_000);
  let folder: string;
  let store: EmbeddedDynamoDb;

  before(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'lambda-zip-'));
    await writeLambdaZip(path.join(folder, 'skill.zip'));
    await writeFile(
      path.join(folder, 'index.js'),
      new AdmZip(path.join(folder, 'skill.zip')).readAsText('index.js'),
    );
    await writeFile(path.join(folder, 'driver.js'), DRIVER);
    store = await startEmbeddedDynamoDb();
  });

  after(async () => {
    await store?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('Node 22: answers, counts and keeps the count with nothing but its index.js', async () => {
    await expectItCounts(22, folder, store, 'amzn1.ask.account.LAMBDA-ZIP');
  });
});

/** Four requests, one after the other, to the handler in `folder` under Node `major`: the count goes 0 to 6. */
async function expectItCounts(
  major: number,
  folder: string,
  store: EmbeddedDynamoDb,
  userId: string,
): Promise<void> {
  const node = await nodeBinary(major);
  const caller = { userId };
  const requests = [
    launchRequest(caller),
    intentRequest('IncrementIntent', { amount: '5' }, caller),
    intentRequest('HelloWorldIntent', {}, caller),
    intentRequest('GetCountIntent', {}, caller),
  ];
  const { stdout, stderr } = await run(node, ['driver.js', JSON.stringify(requests)], {
    cwd: folder,
    // As on Lambda: the table, the region and the role's credentials in the environment.
    env: {
      PATH: process.env.PATH,
      DYNAMODB_PERSISTENCE_TABLE_NAME: store.tableName,
      DYNAMODB_PERSISTENCE_REGION: store.region,
      AWS_ENDPOINT_URL_DYNAMODB: store.endpoint,
      AWS_ACCESS_KEY_ID: store.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: store.credentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  const { node: version, responses } = JSON.parse(stdout) as { node: string; responses: ResponseEnvelope[] };
  expect(version).to.match(new RegExp(`^v${major}\\.`));
  expect(responses.map(speechOf), `the skill's log:\n${stderr}`).to.deep.equal([
    // The welcome names the skill, so it is read from the speech (npm run rename changes it).
    speechFor('en-US').welcome(0),
    'Added 5. Your saved counter is 5.',
    'Hi there, Hello World! Your saved counter is 6.',
    'Your counter is 6.',
  ]);
}
