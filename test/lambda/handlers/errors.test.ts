import { expect } from 'chai';
import { RequestEnvelope } from 'ask-sdk-model';
import { Skill } from 'ask-sdk-core';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../../../lambda/src/skill';
import { ALEXA_WAITS_MS } from '../../../lambda/src/time-budget';
import { EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../../../tools/local/embedded-dynamodb';
import {
  ACCESS_DENIED,
  Fault,
  FaultyDynamoDb,
  startFaultyDynamoDb,
  THROTTLED,
} from '../../support/faulty-dynamodb';
import { describeOnEachEngine, useFreshTable } from '../../support/engines';
import { captureLogs } from '../../support/logs';
import { envelope, intentRequest, lambdaContext, launchRequest } from '../../support/requests';
import { expectSessionOpen, expectValidResponse, speechOf } from '../../support/responses';

const USER = 'amzn1.ask.account.PRIVATE-USER-ID';
const STORAGE_APOLOGY = "Sorry, I can't reach your saved counter right now. Please try again in a moment.";
const GENERIC_APOLOGY = 'Sorry, I had trouble doing what you asked. Please try again.';
const CONTENTION_APOLOGY =
  "Sorry, many updates to your counter are arriving at once, and I couldn't confirm this one. Ask for your count to check.";
const TOO_LARGE_APOLOGY =
  "Sorry, your saved data has grown too large for me to store, so your counter can't change. It stays as it was.";
const CONDITION_FAILED: Fault = {
  kind: 'error',
  status: 400,
  type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
  message: 'The conditional request failed',
};
/** DynamoDB's limit on one item, counted in UTF-8 bytes of attribute names and values. */
const ITEM_LIMIT_BYTES = 400 * 1024;

/** Invokes with logs captured, and checks what every failure must give: a valid, spoken, private answer. */
async function invokeFailing(skill: Skill, request: RequestEnvelope, apology: string, context?: object) {
  const { result, logs } = await captureLogs(() => skill.invoke(request, context));
  expectValidResponse(result);
  expect(speechOf(result)).to.equal(apology);
  expectSessionOpen(result);
  expect(logs).not.to.contain('PRIVATE-USER-ID');
  return logs;
}

describe('when things go wrong', () => {
  let store: EmbeddedDynamoDb;
  let faulty: FaultyDynamoDb | undefined;

  beforeEach(async () => {
    store = await startEmbeddedDynamoDb();
  });
  afterEach(async () => {
    await faulty?.stop();
    faulty = undefined;
    await store.stop();
  });

  function skillOn(endpoint: string, tableName: string | undefined): Skill {
    const client = createDocumentClient({ ...store, endpoint });
    return buildSkill({ persistenceAdapter: createDynamoDbPersistenceAdapter({ client, tableName }) });
  }

  async function skillWithFaults(faults: Partial<Record<string, Fault>>): Promise<Skill> {
    faulty = await startFaultyDynamoDb({ faults, upstream: store.endpoint });
    return skillOn(faulty.endpoint, store.tableName);
  }

  describe('DynamoDB', () => {
    it('a missing table: the user hears an apology, the log names ResourceNotFoundException', async () => {
      const logs = await invokeFailing(
        skillOn(store.endpoint, 'deleted-table'),
        launchRequest({ userId: USER }),
        STORAGE_APOLOGY,
      );
      expect(logs).to.contain('LaunchRequest').and.contain('ResourceNotFoundException');
    });

    it('no table configured: the log says which variable to set', async () => {
      const logs = await invokeFailing(
        skillOn(store.endpoint, undefined),
        launchRequest({ userId: USER }),
        STORAGE_APOLOGY,
      );
      expect(logs).to.contain('DYNAMODB_PERSISTENCE_TABLE_NAME');
    });

    it('access denied: apology, and the log names AccessDeniedException', async () => {
      const skill = await skillWithFaults({ GetItem: ACCESS_DENIED });
      const logs = await invokeFailing(
        skill,
        intentRequest('GetCountIntent', {}, { userId: USER }),
        STORAGE_APOLOGY,
      );
      expect(logs).to.contain('IntentRequest GetCountIntent').and.contain('AccessDeniedException');
    });

    it('throttled on write after a good read: apology, and the stored count is untouched', async () => {
      await skillOn(store.endpoint, store.tableName).invoke(
        intentRequest('IncrementIntent', { amount: '4' }, { userId: USER }),
      );
      const skill = await skillWithFaults({ PutItem: THROTTLED });
      const logs = await invokeFailing(
        skill,
        intentRequest('IncrementIntent', { amount: '5' }, { userId: USER }),
        STORAGE_APOLOGY,
      );
      expect(logs).to.contain('ProvisionedThroughputExceededException');
      const after = await skillOn(store.endpoint, store.tableName).invoke(
        intentRequest('GetCountIntent', {}, { userId: USER }),
      );
      expect(speechOf(after)).to.equal('Your counter is 4.');
    });

    it('throttling is retried once by the SDK, and no more', async () => {
      const skill = await skillWithFaults({ GetItem: THROTTLED });
      await invokeFailing(skill, launchRequest({ userId: USER }), STORAGE_APOLOGY);
      expect(faulty?.received).to.deep.equal(['GetItem', 'GetItem']);
    });

    it('a DynamoDB that never answers: apology within the 8 seconds Alexa waits', async function () {
      this.timeout(15_000);
      faulty = await startFaultyDynamoDb({ faults: {} });
      const started = Date.now();
      const logs = await invokeFailing(
        skillOn(faulty.endpoint, store.tableName),
        launchRequest({ userId: USER }),
        STORAGE_APOLOGY,
      );
      expect(Date.now() - started).to.be.below(ALEXA_WAITS_MS);
      expect(logs).to.contain('NoAnswerError: GetItem got no answer');
      expect(faulty.received).to.deep.equal(['GetItem', 'GetItem']);
    });

    it('an unreachable DynamoDB (connection refused): apology', async () => {
      const closed = await startFaultyDynamoDb({ faults: {} });
      await closed.stop();
      const logs = await invokeFailing(
        skillOn(closed.endpoint, store.tableName),
        launchRequest({ userId: USER }),
        STORAGE_APOLOGY,
      );
      expect(logs).to.contain('GetItem failed');
    });
  });

  describe('time and size', () => {
    it('a Lambda function with 2 s left: the apology comes before those 2 s are over', async () => {
      faulty = await startFaultyDynamoDb({ faults: {} });
      const started = Date.now();
      await invokeFailing(
        skillOn(faulty.endpoint, store.tableName),
        launchRequest({ userId: USER }),
        STORAGE_APOLOGY,
        lambdaContext(2000),
      );
      expect(Date.now() - started).to.be.below(2000);
    });

    it('a write that loses every race until time runs out: "many updates at once", nothing stored', async () => {
      await skillOn(store.endpoint, store.tableName).invoke(
        intentRequest('IncrementIntent', { amount: '4' }, { userId: USER }),
      );
      const skill = await skillWithFaults({ PutItem: CONDITION_FAILED });
      const logs = await invokeFailing(
        skill,
        intentRequest('IncrementIntent', { amount: '5' }, { userId: USER }),
        CONTENTION_APOLOGY,
        lambdaContext(1500),
      );
      expect(logs).to.contain('ConcurrentUpdateError').and.contain('lost races');
      expect(faulty?.received.filter((call) => call === 'PutItem').length).to.be.above(2);
      const after = await skillOn(store.endpoint, store.tableName).invoke(
        intentRequest('GetCountIntent', {}, { userId: USER }),
      );
      expect(speechOf(after)).to.equal('Your counter is 4.');
    });
    it('a DynamoDB that answers the read but never the write: "many updates at once", not "can\'t reach"', async function () {
      this.timeout(15_000);
      await skillOn(store.endpoint, store.tableName).invoke(
        intentRequest('IncrementIntent', { amount: '4' }, { userId: USER }),
      );
      const skill = await skillWithFaults({ PutItem: { kind: 'silence' } });
      const logs = await invokeFailing(
        skill,
        intentRequest('IncrementIntent', { amount: '5' }, { userId: USER }),
        CONTENTION_APOLOGY,
      );
      expect(logs).to.contain('PutItem got no answer');
      // two attempts of the write, then a read that finds the write was not applied
      expect(faulty?.received).to.deep.equal(['GetItem', 'PutItem', 'PutItem', 'GetItem']);
      const after = await skillOn(store.endpoint, store.tableName).invoke(
        intentRequest('GetCountIntent', {}, { userId: USER }),
      );
      expect(speechOf(after)).to.equal('Your counter is 4.');
    });
  });

  describe('malformed requests', () => {
    it('an intent this skill does not have gets the generic apology', async () => {
      const logs = await invokeFailing(
        skillOn(store.endpoint, store.tableName),
        intentRequest('OrderPizzaIntent', {}, { userId: USER }),
        GENERIC_APOLOGY,
      );
      expect(logs).to.contain('IntentRequest OrderPizzaIntent');
    });

    it('a request type this skill does not handle gets the generic apology', async () => {
      const request = envelope({ type: 'CanFulfillIntentRequest' }, { userId: USER });
      await invokeFailing(skillOn(store.endpoint, store.tableName), request, GENERIC_APOLOGY);
    });

    it('a request without a user gets the generic apology, and nothing is stored', async () => {
      const request = launchRequest();
      delete (request.context.System as Partial<typeof request.context.System>).user;
      await invokeFailing(skillOn(store.endpoint, store.tableName), request, GENERIC_APOLOGY);
    });

    it('an IncrementIntent without a slots object adds one', async () => {
      const request = intentRequest('IncrementIntent', {}, { userId: USER });
      if (request.request.type === 'IntentRequest') delete request.request.intent.slots;
      const response = await skillOn(store.endpoint, store.tableName).invoke(request);
      expect(speechOf(response)).to.equal('Added 1. Your saved counter is 1.');
    });

    it('an unknown locale is answered in English', async () => {
      const response = await skillOn(store.endpoint, store.tableName).invoke(
        launchRequest({ locale: 'xx-XX' }),
      );
      expect(speechOf(response)).to.contain('Your saved counter is 0.');
    });
  });
});

/** The limit is counted by the engine, so this runs on each one (dynalite in npm test). */
describeOnEachEngine('when things go wrong: the item size limit', (engine) => {
  const table = useFreshTable(engine);
  const skillOnTable = () =>
    buildSkill({
      persistenceAdapter: createDynamoDbPersistenceAdapter({
        client: createDocumentClient(table),
        tableName: table.tableName,
      }),
    });

  it("an item at DynamoDB's 400 KB limit: the log says why, the user hears retrying will not help", async () => {
    const inspector = createDocumentClient(table);
    const notes = await writeLargestItem(
      { client: inspector, tableName: table.tableName },
      { id: USER, attributes: { counter: 3 } },
    );
    inspector.destroy();
    const logs = await invokeFailing(
      skillOnTable(),
      intentRequest('HelloWorldIntent', {}, { userId: USER }),
      TOO_LARGE_APOLOGY,
    );
    const bytes = Number(/item too large: (\d+) bytes of other attributes/.exec(logs)?.[1]);
    expect(bytes).to.be.within(notes, ITEM_LIMIT_BYTES);
    const after = await skillOnTable().invoke(intentRequest('GetCountIntent', {}, { userId: USER }));
    expect(speechOf(after)).to.equal('Your counter is 3.');
  });
});

/**
 * Writes `item` with a `notes` attribute as long as DynamoDB still accepts (as another tool might keep beside
 * the counter), and returns that length.
 */
async function writeLargestItem(
  { client, tableName }: { client: DynamoDBDocumentClient; tableName: string },
  item: { id: string; attributes: Record<string, unknown> },
): Promise<number> {
  for (let length = ITEM_LIMIT_BYTES - item.id.length - 40; ; length--) {
    const attributes = { ...item.attributes, notes: 'x'.repeat(length) };
    try {
      await client.send(new PutCommand({ TableName: tableName, Item: { ...item, attributes } }));
      return length;
    } catch (error) {
      if (!/size/.test(String(error))) throw error;
    }
  }
}
