import { expect } from 'chai';
import { Request, RequestEnvelope, ResponseEnvelope, Session } from 'ask-sdk-model';
import { createDynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb-persistence-adapter';
import { createDocumentClient } from '../../lambda/src/persistence/dynamodb-client';
import { buildSkill } from '../../lambda/src/skill';
import { responseProblems } from '../../tools/dialog/response-check';
import { captureLogs } from '../support/logs';
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

describe('envelopes Alexa would never send', () => {
  const t = useSkillWithEmbeddedDynamoDb();

  /** The answer must be one Alexa accepts (the simulator's own check), with something to say. */
  async function expectSpokenAnswer(request: RequestEnvelope): Promise<ResponseEnvelope> {
    const { result } = await captureLogs(() => t.skill.invoke(request));
    expect(responseProblems(result, { type: 'LaunchRequest' } as Request)).to.deep.equal([]);
    expect(speechOf(result)).not.to.equal('');
    return result;
  }

  it('a request without `request` gets the generic apology', async () => {
    const request: Partial<RequestEnvelope> = launchRequest();
    delete request.request;
    const response = await expectSpokenAnswer(request as RequestEnvelope);
    expect(speechOf(response)).to.equal('Sorry, I had trouble doing what you asked. Please try again.');
  });

  it('a locale that is not a string is answered in English', async () => {
    const request = launchRequest();
    Object.assign(request.request, { locale: 42 });
    expect(speechOf(await expectSpokenAnswer(request))).to.contain('Your saved counter is 0.');
  });

  for (const locale of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty-US']) {
    it(`"${locale}" as the locale is answered in English`, async () => {
      const request = launchRequest();
      Object.assign(request.request, { locale });
      expect(speechOf(await expectSpokenAnswer(request))).to.contain('Your saved counter is 0.');
    });
  }

  it('huge session attributes are not echoed back: the response stays inside 24 KB', async () => {
    const request = launchRequest();
    request.session = { ...request.session, attributes: { junk: 'x'.repeat(200_000) } } as Session;
    const response = await expectSpokenAnswer(request);
    expect(response.sessionAttributes).to.deep.equal({});
  });

  it('deeply nested session attributes do not overflow the stack', async () => {
    let nested: Record<string, unknown> = {};
    for (let depth = 0; depth < 100_000; depth++) nested = { nested };
    const request = launchRequest();
    request.session = { ...request.session, attributes: nested } as Session;
    expect(speechOf(await expectSpokenAnswer(request))).to.contain('Your saved counter is 0.');
  });

  it('small session attributes come back unchanged', async () => {
    const request = launchRequest();
    request.session = { ...request.session, attributes: { step: 2 } } as Session;
    expect((await expectSpokenAnswer(request)).sessionAttributes).to.deep.equal({ step: 2 });
  });
});
