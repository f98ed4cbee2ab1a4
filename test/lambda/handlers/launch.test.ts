import { expect } from 'chai';
import { launchRequest } from '../../support/requests';
import { expectSessionOpen, expectValidResponse, speechOf } from '../../support/responses';
import { useSkillWithEmbeddedDynamoDb } from '../../support/local-skill';

describe('LaunchRequest', () => {
  const t = useSkillWithEmbeddedDynamoDb();

  it('a new user hears zero, and nothing is written for them', async () => {
    const response = await t.skill.invoke(launchRequest({ userId: 'new-user' }));
    expectValidResponse(response);
    expect(speechOf(response)).to.contain('Your saved counter is 0.');
    expect(await t.readItem('new-user')).to.equal(undefined);
  });

  it('a returning user hears their saved count and is asked what next', async () => {
    await t.writeItem({ id: 'returning-user', attributes: { counter: 6 } });
    const response = await t.skill.invoke(launchRequest({ userId: 'returning-user' }));
    expect(speechOf(response)).to.equal(
      'Welcome back. Your saved counter is 6. You can say hello, add a number, or ask for your count.',
    );
    expectSessionOpen(response);
  });

  it('reads once and writes nothing', async () => {
    await t.skill.invoke(launchRequest());
    expect(t.calls).to.deep.equal(['GetItem']);
  });
});
