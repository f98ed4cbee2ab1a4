import { expect } from 'chai';
import { DynamoDbPersistenceAdapter } from 'ask-sdk-dynamodb-persistence-adapter';
import { DynamoDB } from 'aws-sdk';
import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { buildSkill } from '../../../lambda/src/skill';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/responses';
import { captureLogs } from '../../support/logs';
import { describeOnEachEngine } from '../../support/engines';
import { useSkillWithEmbeddedDynamoDb } from '../../support/local-skill';

describeOnEachEngine('the counter in DynamoDB', (engine) => {
  const t = useSkillWithEmbeddedDynamoDb(engine);

  describe('two devices of one user at the same time', () => {
    it('counts both increments', async () => {
      const [first, second] = await Promise.all([
        t.skill.invoke(
          intentRequest('IncrementIntent', { amount: '5' }, { userId: 'u', deviceId: 'kitchen' }),
        ),
        t.skill.invoke(
          intentRequest('IncrementIntent', { amount: '7' }, { userId: 'u', deviceId: 'office' }),
        ),
      ]);
      expect([speechOf(first), speechOf(second)].join(' ')).to.contain('Your saved counter is 12.');
      expect(await t.readItem('u')).to.deep.include({ attributes: { counter: 12 } });
    });

    it('adds exactly 20 for 20 concurrent increments', async () => {
      const increments = Array.from({ length: 20 }, (_, device) =>
        t.skill.invoke(intentRequest('IncrementIntent', {}, { userId: 'u', deviceId: `device-${device}` })),
      );
      const responses = await Promise.all(increments);
      const counts = responses.map((response) => Number(/counter is (\d+)/.exec(speechOf(response))?.[1]));
      expect(counts.sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await t.readItem('u')).to.deep.include({ attributes: { counter: 20 } });
    });
  });

  describe('data the stored item holds', () => {
    for (const [description, counter] of [
      ['a string', '5'],
      ['negative', -4],
      ['fractional', 1.5],
      ['huge', NumberValue.from('1e120')],
      ['beyond exact integers', NumberValue.from('99999999999999999999')],
    ] as const) {
      it(`an item whose counter is ${description} starts again from zero, with a warning`, async () => {
        await t.writeItem({ id: 'u', attributes: { counter } });
        const { result, logs } = await captureLogs(() =>
          t.skill.invoke(intentRequest('HelloWorldIntent', {}, { userId: 'u' })),
        );
        expect(speechOf(result)).to.equal('Hi there, Hello World! Your saved counter is 1.');
        expect(logs).to.contain('not a usable number').and.not.contain('"u"');
      });
    }

    for (const [description, version] of [
      ['a string', '7'],
      ['a map', { n: 1 }],
      ['huge', NumberValue.from('1e120')],
      ['a boolean', true],
    ] as const) {
      it(`an item whose version is ${description} still takes updates`, async () => {
        await t.writeItem({ id: 'u', attributes: { counter: 2 }, version, writes: 'not a list' });
        const response = await t.skill.invoke(
          intentRequest('IncrementIntent', { amount: '3' }, { userId: 'u' }),
        );
        expect(speechOf(response)).to.equal('Added 3. Your saved counter is 5.');
        expect(await t.readItem('u')).to.deep.include({ attributes: { counter: 5 }, version: 1 });
      });
    }

    it('an item without an attributes map is a fresh start', async () => {
      await t.writeItem({ id: 'u', somethingElse: 1 });
      expect(speechOf(await t.skill.invoke(launchRequest({ userId: 'u' })))).to.contain('counter is 0.');
    });
  });

  describe('switching from and to ask-sdk-dynamodb-persistence-adapter', () => {
    const official = () =>
      new DynamoDbPersistenceAdapter({
        tableName: t.store.tableName,
        dynamoDBClient: new DynamoDB({
          endpoint: t.store.endpoint,
          region: t.store.region,
          credentials: t.store.credentials,
        }),
      });

    it('reads the count the official adapter saved, and keeps counting from it', async () => {
      await official().saveAttributes(launchRequest({ userId: 'u' }), { counter: 6 });
      expect(speechOf(await t.skill.invoke(launchRequest({ userId: 'u' })))).to.contain(
        'Your saved counter is 6.',
      );
      const hello = await t.skill.invoke(intentRequest('HelloWorldIntent', {}, { userId: 'u' }));
      expect(speechOf(hello)).to.equal('Hi there, Hello World! Your saved counter is 7.');
    });

    it('leaves data the official adapter reads', async () => {
      await t.skill.invoke(intentRequest('IncrementIntent', { amount: '9' }, { userId: 'u' }));
      expect(await official().getAttributes(launchRequest({ userId: 'u' }))).to.deep.equal({ counter: 9 });
    });

    it('the official adapter reads ours after it saved too, and we read its update', async () => {
      await t.skill.invoke(intentRequest('IncrementIntent', { amount: '2' }, { userId: 'u' }));
      await official().saveAttributes(launchRequest({ userId: 'u' }), { counter: 40 });
      const response = await t.skill.invoke(
        intentRequest('IncrementIntent', { amount: '2' }, { userId: 'u' }),
      );
      expect(speechOf(response)).to.equal('Added 2. Your saved counter is 42.');
      expect(await official().getAttributes(launchRequest({ userId: 'u' }))).to.deep.equal({ counter: 42 });
    });
  });

  it('a skill built on the official adapter sees the same counts (same skill code, adapter swapped)', async () => {
    const onOfficial = buildSkill({
      persistenceAdapter: new DynamoDbPersistenceAdapter({
        tableName: t.store.tableName,
        dynamoDBClient: new DynamoDB({
          endpoint: t.store.endpoint,
          region: t.store.region,
          credentials: t.store.credentials,
        }),
      }),
    });
    await t.skill.invoke(intentRequest('IncrementIntent', { amount: '3' }, { userId: 'u' }));
    expect(speechOf(await onOfficial.invoke(launchRequest({ userId: 'u' })))).to.contain(
      'Your saved counter is 3.',
    );
  });
});
