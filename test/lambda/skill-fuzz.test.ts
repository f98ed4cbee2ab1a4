import { expect } from 'chai';
import fc from 'fast-check';
import { Request, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createDocumentClient } from '../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb-persistence-adapter';
import { buildSkill } from '../../lambda/src/skill';
import { HANDLED_INTENTS } from '../../lambda/src/intents';
import { responseProblems } from '../../tools/dialog/response-check';
import { captureLogs } from '../support/logs';
import { countCalls, useSkillWithEmbeddedDynamoDb } from '../support/local-skill';
import { intentRequest, launchRequest, sessionEndedRequest, TEST_SKILL_ID } from '../support/requests';
import { isObject } from '../../lambda/src/is-object';

/** Fixed, so that a failure names an envelope that fails again on the next run. */
const SEED = 20261125;
const ENVELOPES = 10_000;
/** Every user id the fuzzer makes contains this, so a log line holding one is easy to find. */
const PRIVATE = 'PRIVATE-FUZZ';
const OTHER_USERS = ['amzn1.ask.account.OTHER-1', 'amzn1.ask.account.OTHER-2'];

/** Values where a field should hold something else: every JSON type, and names that live on prototypes. */
const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, 0, -1, 1e308, '', '__proto__', 'constructor', 'toString', 'valueOf'),
  fc.integer(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.nat(), { maxLength: 3 }),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
);

const userId = fc.oneof(
  { weight: 9, arbitrary: fc.nat(30).map((n) => `amzn1.ask.account.${PRIVATE}-${n}`) },
  { weight: 1, arbitrary: anything.filter((value) => typeof value !== 'string') },
);

const locale = fc.oneof(
  fc.constantFrom('en-US', 'en-GB', 'de-DE', 'ja-JP', 'xx', 'en-', '-US', '__proto__', 'hasOwnProperty-US'),
  anything,
);

const amount = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 1000 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('1001', '0', '-1', '?', '2.5', ' 7 ', '9'.repeat(400), '') },
  { weight: 1, arbitrary: anything },
);

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 0; level < depth; level++) value = { value };
  return value;
}

const sessionAttributes = fc.oneof(
  { weight: 20, arbitrary: anything },
  { weight: 1, arbitrary: fc.nat(300_000).map((length) => ({ junk: 'x'.repeat(length) })) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 100_000 }).map(nested) },
);

/** A request as Alexa sends it, for a fuzzed user, intent and amount. */
const wellFormed = fc
  .record({
    user: userId,
    kind: fc.constantFrom('launch', 'intent', 'intent', 'intent', 'intent', 'ended'),
    intent: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...HANDLED_INTENTS) }, fc.string()),
    amount,
  })
  .map(({ user, kind, intent, amount: spoken }) => {
    const caller = { userId: user as string };
    if (kind === 'launch') return launchRequest(caller);
    if (kind === 'ended') return sessionEndedRequest('USER_INITIATED', caller);
    const request = intentRequest(intent, {}, caller);
    if (request.request.type === 'IntentRequest') {
      request.request.intent.slots = {
        amount: { name: 'amount', value: spoken as string, confirmationStatus: 'NONE' },
      };
    }
    return request;
  });

/** Where a tweak lands in the envelope, and what it puts there. */
const TWEAKS: [path: string[], value: fc.Arbitrary<unknown>][] = [
  [['request', 'intent', 'slots'], anything],
  [['request', 'locale'], locale],
  [
    ['request', 'type'],
    fc.oneof(fc.constantFrom('SessionEndedRequest', 'CanFulfillIntentRequest'), anything),
  ],
  [['request', 'reason'], anything],
  [
    ['request', 'error'],
    fc.record({ type: anything, message: fc.oneof(anything, fc.string({ maxLength: 5000 })) }),
  ],
  [['request', 'intent'], anything],
  [['session', 'attributes'], sessionAttributes],
  [['context', 'System', 'user'], anything],
  [['context', 'System'], anything],
  [['request'], anything],
  [['session'], anything],
  [['context'], anything],
];

/** One or two fields of an envelope replaced by anything at all. */
const tweaks = fc.array(
  fc.oneof(...TWEAKS.map(([path, value]) => value.map((replacement) => ({ path, replacement })))),
  { minLength: 1, maxLength: 2 },
);

function tweaked(envelope: RequestEnvelope, changes: { path: string[]; replacement: unknown }[]): unknown {
  const copy = structuredClone(envelope) as unknown as Record<string, unknown>;
  for (const { path, replacement } of changes) {
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((value, field) => (isObject(value) ? value[field] : undefined), copy);
    if (isObject(parent)) parent[path[path.length - 1]] = replacement;
  }
  return copy;
}

/** Well-formed envelopes, most of them bent a little, some of them beyond recognition. */
const envelopes = fc.oneof(
  { weight: 2, arbitrary: wellFormed },
  {
    weight: 7,
    arbitrary: fc.tuple(wellFormed, tweaks).map(([envelope, changes]) => tweaked(envelope, changes)),
  },
  { weight: 1, arbitrary: anything },
);

function requestOf(envelope: unknown): Record<string, unknown> | undefined {
  const request = isObject(envelope) ? envelope.request : undefined;
  return isObject(request) ? request : undefined;
}

/** What every answer must be, whatever came in. */
function checkAnswer(envelope: unknown, response: ResponseEnvelope): void {
  const request = requestOf(envelope);
  const problems = responseProblems(response, (request ?? { type: 'LaunchRequest' }) as unknown as Request);
  expect(problems, 'Alexa would reject the response').to.deep.equal([]);
  const speech = response.response.outputSpeech;
  if (request?.type === 'SessionEndedRequest') {
    expect(speech, 'speech in answer to SessionEndedRequest').to.equal(undefined);
  } else {
    expect(speech?.type === 'SSML' && /^<speak>[^<>]+<\/speak>$/.test(speech.ssml), 'speech').to.equal(true);
  }
}

describe('any envelope at all (property-based, seeded)', () => {
  const t = useSkillWithEmbeddedDynamoDb();

  it(`${ENVELOPES} envelopes: a valid answer, speech where it belongs, no user id logged, no other user touched`, async function () {
    this.timeout(90_000); // its time budget: it takes about 15 s on a 2-core machine
    for (const [index, id] of OTHER_USERS.entries()) {
      await t.writeItem({ id, attributes: { counter: index + 5, notes: 'kept' }, version: 3 });
    }
    const before = await Promise.all(OTHER_USERS.map((id) => t.readItem(id)));

    const { logs } = await captureLogs(() =>
      fc.assert(
        fc.asyncProperty(envelopes, async (envelope) => {
          checkAnswer(envelope, await t.skill.invoke(envelope as RequestEnvelope));
        }),
        { seed: SEED, numRuns: ENVELOPES, endOnFailure: true },
      ),
    );

    expect(logs).not.to.contain(PRIVATE);
    // The envelopes reach storage too, not only the error handlers.
    const writes = t.calls.filter((call) => call === 'PutItem').length;
    const reads = t.calls.filter((call) => call === 'GetItem').length;
    expect(writes).to.be.above(ENVELOPES / 40);
    expect(reads).to.be.above(ENVELOPES / 8);
    expect(await Promise.all(OTHER_USERS.map((id) => t.readItem(id)))).to.deep.equal(before);
  });

  it('with SKILL_ID set, an envelope for any other skill is refused before storage is touched', async function () {
    this.timeout(60_000);
    const client = createDocumentClient(t.store);
    const calls = countCalls(client);
    const skill = buildSkill({
      persistenceAdapter: createDynamoDbPersistenceAdapter({ client, tableName: t.store.tableName }),
      skillId: TEST_SKILL_ID,
    });
    const foreign = fc
      .tuple(wellFormed, fc.oneof(fc.constant('amzn1.ask.skill.someone-else'), anything))
      .map(([envelope, applicationId]) => {
        envelope.context.System.application = { applicationId } as { applicationId: string };
        return envelope;
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(foreign, anything), async (envelope) => {
        const outcome = await skill.invoke(envelope as RequestEnvelope).then(
          () => 'answered',
          (error: unknown) => String(error),
        );
        expect(outcome).to.contain('Skill ID verification failed');
      }),
      { seed: SEED, numRuns: 1000 },
    );
    client.destroy();
    expect(calls).to.deep.equal([]);
  });
});
