import { expect } from 'chai';
import { intentRequest } from '../../../support/requests';
import { expectSessionOpen, expectValidResponse, speechOf } from '../../../support/responses';
import { useSkillWithEmbeddedDynamoDb } from '../../../support/local-skill';

describe('built-in intents', () => {
  const t = useSkillWithEmbeddedDynamoDb();

  it('AMAZON.HelpIntent explains what to say, without touching storage', async () => {
    const response = await t.skill.invoke(intentRequest('AMAZON.HelpIntent'));
    expect(speechOf(response)).to.contain('add a number up to 1000');
    expectSessionOpen(response);
    expect(t.calls).to.deep.equal([]);
  });

  for (const intent of ['AMAZON.StopIntent', 'AMAZON.CancelIntent']) {
    it(`${intent} says goodbye with the count and ends the session`, async () => {
      await t.writeItem({ id: 'user', attributes: { counter: 8 } });
      const response = await t.skill.invoke(intentRequest(intent, {}, { userId: 'user' }));
      expectValidResponse(response);
      expect(speechOf(response)).to.equal('Goodbye. Your counter is 8.');
      expect(response.response.shouldEndSession).to.equal(true);
      expect(t.calls).to.deep.equal(['GetItem']);
    });
  }

  it('AMAZON.NavigateHomeIntent leaves without touching storage', async () => {
    const response = await t.skill.invoke(intentRequest('AMAZON.NavigateHomeIntent'));
    expect(speechOf(response)).to.equal('Goodbye.');
    expect(response.response.shouldEndSession).to.equal(true);
    expect(t.calls).to.deep.equal([]);
  });

  it('AMAZON.FallbackIntent says what the skill can do, without touching storage', async () => {
    const response = await t.skill.invoke(intentRequest('AMAZON.FallbackIntent'));
    expect(speechOf(response)).to.contain('Say help');
    expectSessionOpen(response);
    expect(t.calls).to.deep.equal([]);
  });
});
