import { expect } from 'chai';
import { intentRequest } from '../../../support/requests';
import { expectSessionOpen, speechOf } from '../../../support/responses';
import { useSkillWithEmbeddedDynamoDb } from '../../../support/local-skill';

describe('GetCountIntent', () => {
  const t = useSkillWithEmbeddedDynamoDb();

  it('says the saved count and keeps the session open', async () => {
    await t.writeItem({ id: 'user', attributes: { counter: 42 } });
    const response = await t.skill.invoke(intentRequest('GetCountIntent', {}, { userId: 'user' }));
    expect(speechOf(response)).to.equal('Your counter is 42.');
    expectSessionOpen(response);
  });

  it('reads once and writes nothing', async () => {
    await t.skill.invoke(intentRequest('GetCountIntent'));
    expect(t.calls).to.deep.equal(['GetItem']);
  });
});
