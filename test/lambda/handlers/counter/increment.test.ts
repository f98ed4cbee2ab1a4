import { expect } from 'chai';
import { intentRequest } from '../../../support/requests';
import { expectSessionOpen, expectValidResponse, speechOf } from '../../../support/responses';
import { useSkillWithEmbeddedDynamoDb } from '../../../support/local-skill';

describe('IncrementIntent', () => {
  const t = useSkillWithEmbeddedDynamoDb();
  const increment = (slots: Record<string, string> = {}, userId = 'user') =>
    t.skill.invoke(intentRequest('IncrementIntent', slots, { userId }));

  it('adds one when no amount is given', async () => {
    const response = await increment();
    expect(speechOf(response)).to.equal('Added 1. Your saved counter is 1.');
    expectSessionOpen(response);
  });

  it('adds the amount the user said', async () => {
    await t.writeItem({ id: 'user', attributes: { counter: 4 } });
    const response = await increment({ amount: '21' });
    expect(speechOf(response)).to.equal('Added 21. Your saved counter is 25.');
    expect(await t.readItem('user')).to.deep.include({ attributes: { counter: 25 } });
  });

  it('accepts the bounds 1 and 1000', async () => {
    await increment({ amount: '1' });
    const response = await increment({ amount: '1000' });
    expect(speechOf(response)).to.equal('Added 1000. Your saved counter is 1001.');
  });

  for (const amount of ['0', '1001', '-3', '2.5', '?', 'seven', '1e3', '99999999999999999999']) {
    it(`refuses "${amount}", says what is allowed and changes nothing`, async () => {
      await t.writeItem({ id: 'user', attributes: { counter: 9 } });
      const response = await increment({ amount });
      expectValidResponse(response);
      expect(speechOf(response)).to.equal(
        'I can add whole numbers from 1 to 1000. Your counter is unchanged. Try saying add 5.',
      );
      expectSessionOpen(response);
      expect(await t.readItem('user')).to.deep.include({ attributes: { counter: 9 } });
      expect(t.calls, 'no DynamoDB call for a refused amount').to.deep.equal([]);
    });
  }

  it('keeps other attributes stored with the counter', async () => {
    await t.writeItem({ id: 'user', attributes: { counter: 2, nickname: 'Sam', history: [1, 2] } });
    await increment({ amount: '3' });
    expect((await t.readItem('user'))?.attributes).to.deep.equal({
      counter: 5,
      nickname: 'Sam',
      history: [1, 2],
    });
  });
});
