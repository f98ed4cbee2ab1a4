import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../lambda/src/persistence/dynamodb-client';
import { EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../../../tools/local/embedded-dynamodb';

const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
];
const FILE_VARIABLES = ['AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE'];

describe('the DynamoDB client outside the Lambda zip (npm run serve on a real table, the hosted copy)', () => {
  const saved = Object.fromEntries(
    [...CREDENTIAL_VARIABLES, ...FILE_VARIABLES].map((name) => [name, process.env[name]]),
  );
  let folder: string;
  let store: EmbeddedDynamoDb;

  beforeEach(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profile-'));
    store = await startEmbeddedDynamoDb();
  });
  afterEach(async () => {
    await store.stop();
    rmSync(folder, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("finds credentials in an AWS profile: it keeps the SDK's whole default chain", async () => {
    for (const name of CREDENTIAL_VARIABLES) delete process.env[name];
    const credentialsFile = path.join(folder, 'credentials');
    writeFileSync(
      credentialsFile,
      '[skill-developer]\naws_access_key_id = FROM-PROFILE\naws_secret_access_key = x\n',
    );
    Object.assign(process.env, {
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      AWS_CONFIG_FILE: path.join(folder, 'config'),
      AWS_PROFILE: 'skill-developer',
    });
    const client = createDocumentClient({ region: store.region, endpoint: store.endpoint });
    try {
      const { Item } = await client.send(
        new GetCommand({ TableName: store.tableName, Key: { id: 'nobody' } }),
      );
      expect(Item).to.equal(undefined);
      expect((await client.config.credentials()).accessKeyId).to.equal('FROM-PROFILE');
    } finally {
      client.destroy();
    }
  });
});
