import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { DynamoDbPersistenceAdapter } from 'ask-sdk-dynamodb-persistence-adapter';
import { DynamoDB } from 'aws-sdk';
import { HOSTED_BUNDLE_PATH, isHostedBundleCurrent, PROJECT_ROOT } from '../../../tools/build/bundle';
import { EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../../../tools/local/embedded-dynamodb';
import { DEPLOYERS, readAskProfiles } from '../../../tools/project/ask-resources';
import { intentRequest, launchRequest } from '../../support/requests';
import { expectValidResponse, speechOf } from '../../support/responses';
import { captureLogs } from '../../support/logs';

type Handler = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

/** Builds the code the way `ask deploy` does: ask-cli's SkillCodeController on this project's ask-resources.json. */
function buildWithAskCli(): Buffer {
  // The CloudFormation profile, whatever `ask new` named it.
  const profile = readAskProfiles(PROJECT_ROOT).find(
    ({ deployer }) => deployer === DEPLOYERS.cloudFormation,
  )?.name;
  const script = `
    const ResourcesConfig = require('ask-cli/dist/lib/model/resources-config');
    const SkillCodeController = require('ask-cli/dist/lib/controllers/skill-code-controller');
    new ResourcesConfig(require('path').resolve('ask-resources.json'));
    new SkillCodeController({ profile: ${JSON.stringify(profile)}, doDebug: false }).buildCode((error, codeList) => {
      if (error) { console.error(error); process.exit(1); }
      console.log(JSON.stringify(codeList));
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).to.equal(0);
  const [code] = JSON.parse(run.stdout.trim().split('\n').pop() ?? '[]');
  expect(code.buildFlow).to.equal('CustomBuildFlow');
  return readFileSync(code.build.file);
}

/** Loads a built handler as Lambda would, configured through the environment exactly like Alexa-hosted. */
function loadHandler(file: string, store: EmbeddedDynamoDb): Handler {
  Object.assign(process.env, {
    DYNAMODB_PERSISTENCE_TABLE_NAME: store.tableName,
    DYNAMODB_PERSISTENCE_REGION: store.region,
    AWS_ENDPOINT_URL_DYNAMODB: store.endpoint,
    AWS_ACCESS_KEY_ID: store.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: store.credentials.secretAccessKey,
  });
  delete require.cache[require.resolve(file)];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Lambda loads handlers with require too
  return (require(file) as { handler: Handler }).handler;
}

const ENVIRONMENT = [
  'DYNAMODB_PERSISTENCE_TABLE_NAME',
  'DYNAMODB_PERSISTENCE_REGION',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SHARED_CREDENTIALS_FILE',
];

describe('the deployed code', function () {
  this.timeout(120_000);
  const savedEnvironment = Object.fromEntries(ENVIRONMENT.map((name) => [name, process.env[name]]));
  let workspace: string;
  let zip: Buffer;

  let rebuiltZip: Buffer;

  before(() => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'deployed-code-'));
    zip = buildWithAskCli();
    rebuiltZip = buildWithAskCli();
  });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
    for (const [name, value] of Object.entries(savedEnvironment)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('the committed lambda/index.js matches the TypeScript sources (else run npm run build)', async () => {
    expect(await isHostedBundleCurrent()).to.equal(true);
  });

  it("the same sources make the same zip bytes, so ask-cli's hash only changes with the code", () => {
    expect(rebuiltZip.equals(zip)).to.equal(true);
  });

  it('the zip ask-cli builds holds only index.js and is under 1 MiB', () => {
    const entries = new AdmZip(zip).getEntries().map((entry) => entry.entryName);
    expect(entries).to.deep.equal(['index.js']);
    expect(zip.length).to.be.below(1024 * 1024);
  });

  const artifacts: Array<[string, () => string]> = [
    ['the zip ask-cli builds for ask deploy', () => extractIndex(zip, workspace)],
    ['the committed lambda/index.js for Alexa-hosted', () => HOSTED_BUNDLE_PATH],
  ];

  for (const [name, artifactPath] of artifacts) {
    describe(name, () => {
      let store: EmbeddedDynamoDb;
      let handler: Handler;

      beforeEach(async () => {
        store = await startEmbeddedDynamoDb();
        handler = loadHandler(artifactPath(), store);
      });
      afterEach(() => store.stop());

      it("keeps each user's count across sessions", async () => {
        await handler(intentRequest('HelloWorldIntent', {}, { userId: 'alice' }));
        await handler(intentRequest('IncrementIntent', { amount: '5' }, { userId: 'alice' }));
        await handler(intentRequest('HelloWorldIntent', {}, { userId: 'bob' }));
        expect(speechOf(await handler(launchRequest({ userId: 'alice' })))).to.contain(
          'Your saved counter is 6.',
        );
        expect(speechOf(await handler(launchRequest({ userId: 'bob' })))).to.contain(
          'Your saved counter is 1.',
        );
      });

      it('reads what ask-sdk-dynamodb-persistence-adapter saved', async () => {
        const official = new DynamoDbPersistenceAdapter({
          tableName: store.tableName,
          dynamoDBClient: new DynamoDB({
            endpoint: store.endpoint,
            region: store.region,
            credentials: store.credentials,
          }),
        });
        await official.saveAttributes(launchRequest({ userId: 'carol' }), { counter: 6 });
        const response = await handler(intentRequest('HelloWorldIntent', {}, { userId: 'carol' }));
        expect(speechOf(response)).to.equal('Hi there, Hello World! Your saved counter is 7.');
      });

      it('loses none of 20 concurrent increments', async () => {
        await Promise.all(
          Array.from({ length: 20 }, (_, device) =>
            handler(intentRequest('IncrementIntent', {}, { userId: 'dave', deviceId: `device-${device}` })),
          ),
        );
        expect(speechOf(await handler(intentRequest('GetCountIntent', {}, { userId: 'dave' })))).to.equal(
          'Your counter is 20.',
        );
      });

      it('answers bad input with a valid spoken response', async () => {
        const refused = await handler(intentRequest('IncrementIntent', { amount: '-7' }, { userId: 'erin' }));
        expectValidResponse(refused);
        expect(speechOf(refused)).to.contain('whole numbers from 1 to 1000');
        const { result: unknown } = await captureLogs(() => handler(intentRequest('NoSuchIntent')));
        expectValidResponse(unknown);
        expect(speechOf(unknown)).to.contain('Sorry');
      });
    });
  }

  describe('the zip ask-cli builds, with no credentials in the environment', () => {
    let store: EmbeddedDynamoDb;
    beforeEach(async () => {
      store = await startEmbeddedDynamoDb();
    });
    afterEach(() => store.stop());

    it("says it can't reach the count and logs why, even with an AWS profile on the machine", async () => {
      const handler = loadHandler(extractIndex(zip, workspace), store);
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      // The SDK's full chain would take this profile; the zip reads the environment only.
      const credentialsFile = path.join(workspace, 'credentials');
      writeFileSync(credentialsFile, '[default]\naws_access_key_id = local\naws_secret_access_key = local\n');
      process.env.AWS_SHARED_CREDENTIALS_FILE = credentialsFile;
      const { result, logs } = await captureLogs(() =>
        handler(launchRequest({ userId: 'amzn1.ask.account.FRANK' })),
      );
      expectValidResponse(result);
      expect(speechOf(result)).to.equal(
        "Sorry, I can't reach your saved counter right now. Please try again in a moment.",
      );
      expect(logs).to.contain('LaunchRequest: PersistenceError: GetItem failed: CredentialsProviderError');
      expect(logs).not.to.contain('FRANK');
    });
  });
});

function extractIndex(zip: Buffer, folder: string): string {
  const file = path.join(folder, 'index.js');
  writeFileSync(file, new AdmZip(zip).readAsText('index.js'));
  return file;
}
