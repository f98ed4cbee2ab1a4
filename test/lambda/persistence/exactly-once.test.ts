import { expect } from 'chai';
import { Skill } from 'ask-sdk-core';
import { createDocumentClient } from '../../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../../../lambda/src/skill';
import { describeOnEachEngine } from '../../support/engines';
import { Fault, FaultyDynamoDb, startFaultyDynamoDb } from '../../support/faulty-dynamodb';
import { captureLogs } from '../../support/logs';
import { countCalls, useSkillWithEmbeddedDynamoDb } from '../../support/local-skill';
import { intentRequest, lambdaContext } from '../../support/requests';
import { speechOf } from '../../support/responses';

const USER = 'amzn1.ask.account.PRIVATE-USER-ID';

/**
 * With 3 s left in the Lambda function, each attempt may wait about 1.1 s (half the time budget, less the
 * margin to answer); an answer this late makes the SDK retry a write DynamoDB already applied.
 */
const LAMBDA_TIME_LEFT_MS = 3000;
const LATER_THAN_THE_CLIENT_WAITS_MS = 2000;

describeOnEachEngine('each request counts exactly once', (engine) => {
  const t = useSkillWithEmbeddedDynamoDb(engine);
  let faulty: FaultyDynamoDb | undefined;
  let calls: string[];

  afterEach(async () => {
    await faulty?.stop();
    faulty = undefined;
  });

  async function skillBehind(faults: Partial<Record<string, Fault>>): Promise<Skill> {
    faulty = await startFaultyDynamoDb({ faults, upstream: t.store.endpoint });
    const client = createDocumentClient({ ...t.store, endpoint: faulty.endpoint });
    calls = countCalls(client);
    return buildSkill({
      persistenceAdapter: createDynamoDbPersistenceAdapter({ client, tableName: t.store.tableName }),
    });
  }

  it('a write applied but answered too late, then retried by the SDK, adds 5 once, not twice', async () => {
    const skill = await skillBehind({
      PutItem: { kind: 'late', delayMs: LATER_THAN_THE_CLIENT_WAITS_MS, times: 1 },
    });
    const { result, logs } = await captureLogs(() =>
      skill.invoke(
        intentRequest('IncrementIntent', { amount: '5' }, { userId: USER }),
        lambdaContext(LAMBDA_TIME_LEFT_MS),
      ),
    );
    expect(speechOf(result)).to.equal('Added 5. Your saved counter is 5.');
    expect(await t.readItem(USER)).to.deep.include({ attributes: { counter: 5 } });
    expect(faulty?.received).to.deep.equal(['GetItem', 'PutItem', 'PutItem', 'GetItem']);
    expect(calls).to.deep.equal(['GetItem', 'PutItem', 'GetItem']);
    expect(logs).to.contain('already applied').and.not.contain('PRIVATE-USER-ID');
  });

  it('also when another device of the same user wrote between the late write and its retry', async () => {
    const otherDevice = () =>
      t.skill.invoke(intentRequest('IncrementIntent', { amount: '7' }, { userId: USER, deviceId: 'office' }));
    let otherDeviceHeard = '';
    const skill = await skillBehind({
      PutItem: {
        kind: 'late',
        delayMs: LATER_THAN_THE_CLIENT_WAITS_MS,
        times: 1,
        whileLate: async () => {
          otherDeviceHeard = speechOf(await otherDevice());
        },
      },
    });
    const { result } = await captureLogs(() =>
      skill.invoke(
        intentRequest('IncrementIntent', { amount: '5' }, { userId: USER, deviceId: 'kitchen' }),
        lambdaContext(LAMBDA_TIME_LEFT_MS),
      ),
    );
    expect(speechOf(result)).to.equal('Added 5. Your saved counter is 5.');
    expect(otherDeviceHeard).to.equal('Added 7. Your saved counter is 12.');
    expect(await t.readItem(USER)).to.deep.include({ attributes: { counter: 12 } });
  });

  it('a write whose answer never comes back in time is not applied a second time', async () => {
    const skill = await skillBehind({ PutItem: { kind: 'late', delayMs: 5000, times: 2 } });
    const { result } = await captureLogs(() =>
      skill.invoke(
        intentRequest('IncrementIntent', { amount: '5' }, { userId: USER }),
        lambdaContext(LAMBDA_TIME_LEFT_MS),
      ),
    );
    // It landed, but the skill could not learn so before it had to answer: it says it could not confirm it.
    expect(speechOf(result)).to.equal(
      "Sorry, many updates to your counter are arriving at once, and I couldn't confirm this one. Ask for your count to check.",
    );
    expect(await t.readItem(USER)).to.deep.include({ attributes: { counter: 5 } });
    expect(calls).to.deep.equal(['GetItem', 'PutItem']);
  });
});
