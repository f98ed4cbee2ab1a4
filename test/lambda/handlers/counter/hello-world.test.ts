import { expect } from 'chai';
import { intentRequest, launchRequest } from '../../../support/requests';
import { expectSessionOpen, expectValidResponse, speechOf } from '../../../support/responses';
import { useSkillWithEmbeddedDynamoDb } from '../../../support/local-skill';

describe('HelloWorldIntent', () => {
  const t = useSkillWithEmbeddedDynamoDb();

  it('adds one to the saved counter and says the seed greeting', async () => {
    await t.writeItem({ id: 'user', attributes: { counter: 6 } });
    const response = await t.skill.invoke(intentRequest('HelloWorldIntent', {}, { userId: 'user' }));
    expectValidResponse(response);
    expect(speechOf(response)).to.equal('Hi there, Hello World! Your saved counter is 7.');
    expectSessionOpen(response);
    expect(await t.readItem('user')).to.deep.include({ attributes: { counter: 7 } });
  });

  it('keeps the count across sessions', async () => {
    await t.skill.invoke(intentRequest('HelloWorldIntent'));
    await t.skill.invoke(intentRequest('HelloWorldIntent'));
    const response = await t.skill.invoke(launchRequest());
    expect(speechOf(response)).to.contain('Your saved counter is 2.');
  });

  it('keeps each user apart', async () => {
    await t.skill.invoke(intentRequest('HelloWorldIntent', {}, { userId: 'alice' }));
    await t.skill.invoke(intentRequest('HelloWorldIntent', {}, { userId: 'alice' }));
    await t.skill.invoke(intentRequest('HelloWorldIntent', {}, { userId: 'bob' }));
    expect(await t.readItem('alice')).to.deep.include({ attributes: { counter: 2 } });
    expect(await t.readItem('bob')).to.deep.include({ attributes: { counter: 1 } });
  });

  it('costs one read and one write', async () => {
    await t.skill.invoke(intentRequest('HelloWorldIntent'));
    expect(t.calls).to.deep.equal(['GetItem', 'PutItem']);
  });
});
