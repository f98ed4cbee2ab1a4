import { expect } from 'chai';
import { intentRequest, launchRequest } from '../../../support/requests';
import { expectSessionOpen, speechOf } from '../../../support/responses';
import { useSkillWithEmbeddedDynamoDb } from '../../../support/local-skill';

describe('ResetCountIntent', () => {
  const t = useSkillWithEmbeddedDynamoDb();

  it("deletes the user's stored item and says the counter is back to zero", async () => {
    await t.writeItem({ id: 'user', attributes: { counter: 12 } });
    const response = await t.skill.invoke(intentRequest('ResetCountIntent', {}, { userId: 'user' }));
    expect(speechOf(response)).to.equal('Your counter is back to 0.');
    expectSessionOpen(response);
    expect(await t.readItem('user')).to.equal(undefined);
    expect(speechOf(await t.skill.invoke(launchRequest({ userId: 'user' })))).to.contain(
      'Your saved counter is 0.',
    );
  });

  it("leaves other users' data alone", async () => {
    await t.writeItem({ id: 'other', attributes: { counter: 3 } });
    await t.skill.invoke(intentRequest('ResetCountIntent', {}, { userId: 'user' }));
    expect(await t.readItem('other')).to.deep.include({ attributes: { counter: 3 } });
  });

  it('costs one delete and no read', async () => {
    await t.skill.invoke(intentRequest('ResetCountIntent'));
    expect(t.calls).to.deep.equal(['DeleteItem']);
  });
});
