import { expect } from 'chai';
import { RequestEnvelope } from 'ask-sdk-model';
import { Skill } from 'ask-sdk-core';
import { createDocumentClient } from '../../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../../../lambda/src/skill';
import { EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../../../tools/local/embedded-dynamodb';
import {
  ACCESS_DENIED,
  Fault,
  FaultyDynamoDb,
  startFaultyDynamoDb,
  THROTTLED,
} from '../../support/faulty-dynamodb';
import { captureLogs } from '../../support/logs';
import { envelope, intentRequest, launchRequest } from '../../support/requests';
import { expectSessionOpen, expectValidResponse, speechOf } from '../../support/responses';

const USER = 'amzn1.ask.account.PRIVATE-USER-ID';
const STORAGE_APOLOGY = "Sorry, I can't reach your saved counter right now. Please try again in a moment.";
const GENERIC_APOLOGY = 'Sorry, I had trouble doing what you asked. Please try again.';

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

  /** Invokes with logs captured, and checks what every failure must give: a valid, spoken, private answer. */
  async function invokeFailing(skill: Skill, request: RequestEnvelope, apology: string) {
    const { result, logs } = await captureLogs(() => skill.invoke(request));
    expectValidResponse(result);
    expect(speechOf(result)).to.equal(apology);
    expectSessionOpen(result);
    expect(logs).not.to.contain('PRIVATE-USER-ID');
    return logs;
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

    it('a DynamoDB that never answers: apology well within the 8 seconds Alexa waits', async function () {
      this.timeout(8000);
      faulty = await startFaultyDynamoDb({ faults: {} });
      const logs = await invokeFailing(
        skillOn(faulty.endpoint, store.tableName),
        launchRequest({ userId: USER }),
        STORAGE_APOLOGY,
      );
      expect(logs).to.match(/TimeoutError|RequestTimeout/);
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
