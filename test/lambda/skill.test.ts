import { expect } from 'chai';
import { createDynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb-persistence-adapter';
import { createDocumentClient } from '../../lambda/src/persistence/dynamodb-client';
import { buildSkill } from '../../lambda/src/skill';
import { launchRequest, TEST_SKILL_ID } from '../support/requests';
import { speechOf } from '../support/responses';
import { useSkillWithEmbeddedDynamoDb } from '../support/local-skill';

describe('the skill id check', () => {
  const t = useSkillWithEmbeddedDynamoDb();
  const skillFor = (skillId: string) =>
    buildSkill({
      persistenceAdapter: createDynamoDbPersistenceAdapter({
        client: createDocumentClient(t.store),
        tableName: t.store.tableName,
      }),
      skillId,
    });

  it('answers requests for its own skill id', async () => {
    expect(speechOf(await skillFor(TEST_SKILL_ID).invoke(launchRequest()))).to.contain('counter is 0');
  });

  it('rejects requests for any other skill id, without touching storage', async () => {
    const request = launchRequest({ skillId: 'amzn1.ask.skill.someone-else' });
    let error: unknown;
    await skillFor(TEST_SKILL_ID)
      .invoke(request)
      .catch((caught: unknown) => (error = caught));
    expect(String(error)).to.contain('verification failed');
  });
});
