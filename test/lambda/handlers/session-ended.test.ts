import { expect } from 'chai';
import { envelope, sessionEndedRequest } from '../../support/requests';
import { captureLogs } from '../../support/logs';
import { expectValidResponse } from '../../support/responses';
import { useSkillWithEmbeddedDynamoDb } from '../../support/local-skill';

describe('SessionEndedRequest', () => {
  const t = useSkillWithEmbeddedDynamoDb();

  it('answers with no speech, logs the reason and does not touch storage', async () => {
    const { result, logs } = await captureLogs(() => t.skill.invoke(sessionEndedRequest('USER_INITIATED')));
    expectValidResponse(result);
    expect(result.response.outputSpeech).to.equal(undefined);
    expect(logs).to.contain('USER_INITIATED');
    expect(t.calls).to.deep.equal([]);
  });

  it('logs the error Alexa reports, without the user id', async () => {
    const request = envelope(
      {
        type: 'SessionEndedRequest',
        reason: 'ERROR',
        error: { type: 'INVALID_RESPONSE', message: 'bad SSML' },
      },
      { userId: 'amzn1.ask.account.SECRET' },
    );
    const { logs } = await captureLogs(() => t.skill.invoke(request));
    expect(logs).to.contain('INVALID_RESPONSE').and.contain('bad SSML');
    expect(logs).not.to.contain('SECRET');
  });
});
