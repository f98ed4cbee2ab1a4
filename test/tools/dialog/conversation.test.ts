import { expect } from 'chai';
import {
  getDialogState,
  getIntentName,
  getRequestType,
  getSlot,
  getSlotValue,
  SkillBuilders,
  type HandlerInput,
  type RequestHandler,
} from 'ask-sdk-core';
import type { IntentRequest, Response, SessionEndedRequest } from 'ask-sdk-model';
import { join } from 'node:path';
import {
  createConversation,
  SKILL_PROBLEM_CAPTION,
  type Conversation,
  type Skill,
  type Turn,
} from '../../../tools/dialog/conversation';
import { readInteractionModel } from '../../../tools/dialog/interaction-model';
import { interactionModelPath, PLACEHOLDER_SKILL_ID } from '../../../tools/dialog/project';
import { withSkillLogsTo } from '../../../tools/dialog/skill-logs';
import { startLocalSkill, type LocalSkill } from '../../../tools/local/local-skill';
import { INVOCATION } from '../../support/skill-names';

const COUNTER_MODEL = readInteractionModel(interactionModelPath('en-US'));
const COFFEE_MODEL = readInteractionModel(
  join(__dirname, '..', '..', 'fixtures', 'interaction-models', 'coffee-order.en-US.json'),
);

function talkTo(
  skill: Skill,
  options: { model?: typeof COUNTER_MODEL; userId?: string; deviceId?: string } = {},
) {
  return createConversation({
    skill: withSkillLogsTo(skill, () => undefined),
    model: options.model ?? COUNTER_MODEL,
    caller: {
      skillId: PLACEHOLDER_SKILL_ID,
      locale: 'en-US',
      userId: options.userId ?? 'amzn1.ask.account.test-user',
      deviceId: options.deviceId ?? 'amzn1.ask.device.test-device',
    },
  });
}

/** Says each utterance in turn and returns the turns. */
async function sayAll(conversation: Conversation, ...utterances: string[]): Promise<Turn[]> {
  const turns: Turn[] = [];
  for (const utterance of utterances) turns.push(await conversation.say(utterance));
  return turns;
}

const requestsOf = (turn: Turn) => turn.exchanges.map((exchange) => exchange.request.request);
const intentRequestsOf = (turn: Turn) =>
  requestsOf(turn).filter((request): request is IntentRequest => request.type === 'IntentRequest');

describe('a conversation with the counter skill', () => {
  let skill: LocalSkill;
  beforeEach(async () => {
    skill = await startLocalSkill({});
  });
  afterEach(() => skill.stop());

  it('a new user hears zero', async () => {
    const [launch] = await sayAll(talkTo(skill), `open ${INVOCATION}`);
    expect(launch.captions).to.have.length(1);
    expect(launch.captions[0]).to.match(/counter is 0\b/);
  });

  it('"add -1" reaches the skill as -1, which it refuses, leaving the count unchanged', async () => {
    const [, add, minus, count] = await sayAll(
      talkTo(skill),
      `open ${INVOCATION}`,
      'add -1',
      'add minus one',
      'what is my count',
    );
    expect(intentRequestsOf(add)[0].intent.slots?.amount.value).to.equal('-1');
    expect(intentRequestsOf(minus)[0].intent.slots?.amount.value).to.equal('-1');
    expect(add.captions[0]).to.not.match(/Added/);
    expect(count.captions[0]).to.match(/counter is 0\b/);
  });

  it('a turn that needed tolerance names the words ignored; --strict ignores none', async () => {
    const [, tolerant] = await sayAll(talkTo(skill), `open ${INVOCATION}`, 'add five please');
    expect(tolerant.ignoredWords).to.deep.equal(['please']);
    expect(intentRequestsOf(tolerant)[0].intent.slots?.amount.value).to.equal('5');
    const strict = createConversation({
      skill: withSkillLogsTo(skill, () => undefined),
      model: COUNTER_MODEL,
      caller: { skillId: PLACEHOLDER_SKILL_ID, locale: 'en-US', userId: 'u', deviceId: 'd' },
      strict: true,
    });
    const [, exact] = await sayAll(strict, `open ${INVOCATION}`, 'add five please');
    expect(exact.ignoredWords).to.equal(undefined);
    expect(intentRequestsOf(exact)[0].intent.slots?.amount.value).to.not.equal('5');
  });

  it('sends full request envelopes: new only on the first request of a session, with skill, user and device', async () => {
    const [launch, add] = await sayAll(talkTo(skill), `open ${INVOCATION}`, 'add five');
    const [first] = launch.exchanges.map((exchange) => exchange.request);
    const [second] = add.exchanges.map((exchange) => exchange.request);

    expect(first.version).to.equal('1.0');
    expect(first.session).to.deep.include({
      new: true,
      application: { applicationId: PLACEHOLDER_SKILL_ID },
      user: { userId: 'amzn1.ask.account.test-user' },
      attributes: {},
    });
    expect(first.session?.sessionId).to.match(/^amzn1\.echo-api\.session\.[0-9a-f-]{36}$/);
    expect(first.context.System).to.deep.equal({
      application: { applicationId: PLACEHOLDER_SKILL_ID },
      user: { userId: 'amzn1.ask.account.test-user' },
      device: { deviceId: 'amzn1.ask.device.test-device', supportedInterfaces: { AudioPlayer: {} } },
      apiEndpoint: 'https://api.amazonalexa.com',
    });
    expect(first.request).to.include({ type: 'LaunchRequest', locale: 'en-US' });
    expect(first.request.requestId).to.match(/^amzn1\.echo-api\.request\.[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(first.request.timestamp) - Date.now())).to.be.below(60_000);
    expect(first.request.timestamp).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    expect(second.session).to.include({ new: false, sessionId: first.session?.sessionId });
    expect(second.request).to.not.have.property('dialogState'); // the counter model has no dialog model
    expect((second.request as IntentRequest).intent).to.deep.equal({
      name: 'IncrementIntent',
      confirmationStatus: 'NONE',
      slots: {
        amount: {
          name: 'amount',
          value: '5',
          confirmationStatus: 'NONE',
          slotValue: { type: 'Simple', value: '5' },
        },
      },
    });
    expect(add.captions[0]).to.match(/counter is 5\b/);
  });

  it('"exit" sends a SessionEndedRequest (USER_INITIATED) and ends the session', async () => {
    const [, exit, after] = await sayAll(talkTo(skill), `open ${INVOCATION}`, 'exit', 'what is my count');
    expect(exit.sessionEnded).to.equal(true);
    expect(exit.captions).to.deep.equal([]);
    expect(requestsOf(exit)).to.have.length(1);
    expect((requestsOf(exit)[0] as SessionEndedRequest).reason).to.equal('USER_INITIATED');
    expect(after.exchanges).to.deep.equal([]);
    expect(after.notice).to.include(`open ${INVOCATION}`);
  });

  it(`"ask ${INVOCATION} to ..." inside an open session starts a new session`, async () => {
    const [launch, oneShot] = await sayAll(
      talkTo(skill),
      `open ${INVOCATION}`,
      `ask ${INVOCATION} to add two`,
    );
    const [launched] = launch.exchanges;
    const [asked] = oneShot.exchanges;
    expect(asked.request.session).to.include({ new: true });
    expect(asked.request.session?.sessionId).to.not.equal(launched.request.session?.sessionId);
    expect(oneShot.captions[0]).to.match(/counter is 2\b/);
  });

  it('two devices of one user share a count; another user has their own', async () => {
    await sayAll(talkTo(skill, { deviceId: 'kitchen' }), `ask ${INVOCATION} to add five`);
    const [otherDevice] = await sayAll(
      talkTo(skill, { deviceId: 'bedroom' }),
      `ask ${INVOCATION} what is my count`,
    );
    const [otherUser] = await sayAll(
      talkTo(skill, { userId: 'someone-else' }),
      `ask ${INVOCATION} what is my count`,
    );
    expect(otherDevice.captions[0]).to.match(/counter is 5\b/);
    expect(otherUser.captions[0]).to.match(/counter is 0\b/);
  });
});

/** A skill built with the ASK SDK from handlers written here. */
function skillWith(...handlers: RequestHandler[]): Skill {
  const sessionEnded: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
    handle: (input) => input.responseBuilder.getResponse(),
  };
  return SkillBuilders.custom()
    .addRequestHandlers(...handlers, sessionEnded)
    .create();
}

function answering(
  type: string,
  handle: (input: HandlerInput) => Response | Promise<Response>,
): RequestHandler {
  return {
    canHandle: (input) =>
      getRequestType(input.requestEnvelope) === type ||
      (getRequestType(input.requestEnvelope) === 'IntentRequest' &&
        getIntentName(input.requestEnvelope) === type),
    handle,
  };
}

describe('session attributes', () => {
  it('are carried from the last response to the next request, and start empty in a new session', async () => {
    const countTurns = (input: HandlerInput) => {
      const turns = Number(input.attributesManager.getSessionAttributes().turns ?? 0) + 1;
      input.attributesManager.setSessionAttributes({ turns });
      return input.responseBuilder.speak(`Turn ${turns}.`).reprompt('Again?').getResponse();
    };
    const skill = skillWith(
      answering('LaunchRequest', countTurns),
      answering('AMAZON.FallbackIntent', countTurns),
    );
    const turns = await sayAll(
      talkTo(skill),
      `open ${INVOCATION}`,
      'la la la',
      'la la la',
      `open ${INVOCATION}`,
    );
    expect(turns.map((turn) => turn.exchanges[0].request.session?.attributes)).to.deep.equal([
      {},
      { turns: 1 },
      { turns: 2 },
      {},
    ]);
    expect(turns.map((turn) => turn.captions[0])).to.deep.equal(['Turn 1.', 'Turn 2.', 'Turn 3.', 'Turn 1.']);
  });
});

describe('when the skill fails', () => {
  it('a skill that throws: Alexa reports a problem and the session ends', async () => {
    const skill: Skill = {
      invoke: async () => {
        throw new Error('the table is missing');
      },
    };
    const [turn] = await sayAll(talkTo(skill), `open ${INVOCATION}`);
    expect(turn.captions).to.deep.equal([SKILL_PROBLEM_CAPTION]);
    expect(turn.sessionEnded).to.equal(true);
    expect(turn.problems).to.have.length(1);
    expect(turn.problems[0]).to.include('the table is missing');
  });

  it('an invalid response: reported, and the skill gets a SessionEndedRequest with reason ERROR', async () => {
    const skill = skillWith(
      answering('LaunchRequest', () => ({
        outputSpeech: { type: 'SSML', ssml: 'Hello <break time="1s"/>' },
      })),
    );
    const [turn] = await sayAll(talkTo(skill), `open ${INVOCATION}`);
    expect(turn.captions).to.deep.equal([SKILL_PROBLEM_CAPTION]);
    expect(turn.problems).to.deep.equal([
      'invalid response to LaunchRequest: outputSpeech.ssml is not inside <speak>...</speak>',
    ]);
    const ended = requestsOf(turn)[1] as SessionEndedRequest;
    expect(ended).to.deep.include({ type: 'SessionEndedRequest', reason: 'ERROR' });
    expect(ended.error).to.deep.equal({
      type: 'INVALID_RESPONSE',
      message: 'outputSpeech.ssml is not inside <speak>...</speak>',
    });
  });
});

describe('a dialog model (coffee-order fixture)', () => {
  /** Collects the drink itself, then delegates the rest to Alexa and confirms the order when it is complete. */
  const coffeeSkill = () =>
    skillWith(
      answering('LaunchRequest', (input) =>
        input.responseBuilder.speak('Corner Coffee.').reprompt('Order?').getResponse(),
      ),
      answering('OrderIntent', (input) => {
        const request = input.requestEnvelope.request as IntentRequest;
        if (!getSlotValue(input.requestEnvelope, 'drink')) {
          return input.responseBuilder
            .speak('Which drink would you like?')
            .addElicitSlotDirective('drink')
            .getResponse();
        }
        if (getDialogState(input.requestEnvelope) !== 'COMPLETED') {
          return input.responseBuilder.addDelegateDirective().getResponse();
        }
        if (request.intent.confirmationStatus === 'DENIED')
          return input.responseBuilder.speak('Cancelled.').getResponse();
        const size = resolvedName(input, 'size');
        return input.responseBuilder.speak(`One ${size} ${resolvedName(input, 'drink')}.`).getResponse();
      }),
      answering('PickupIntent', (input) =>
        input.responseBuilder
          .speak(`See you in ${getSlotValue(input.requestEnvelope, 'minutes')} minutes.`)
          .getResponse(),
      ),
      answering('StoreHoursIntent', (input) =>
        input.responseBuilder.speak('Seven to seven.').reprompt('?').getResponse(),
      ),
    );

  const resolvedName = (input: HandlerInput, slotName: string) =>
    getSlot(input.requestEnvelope, slotName)?.resolutions?.resolutionsPerAuthority?.[0].values[0].value.name;

  it('Dialog.Delegate: Alexa asks the prompts, then sends the confirmed intent as COMPLETED', async () => {
    const turns = await sayAll(
      talkTo(coffeeSkill(), { model: COFFEE_MODEL }),
      'open corner coffee',
      'order a latte',
      'make it huge',
      'yes',
    );
    const [, order, size, confirm] = turns;
    expect(order.captions).to.deep.equal(['What size of latte? Small, medium or large?']);
    expect(size.captions).to.deep.equal(['A huge latte, is that right?']);
    expect(confirm.captions).to.deep.equal(['One large latte.']);
    expect(turns.flatMap(intentRequestsOf).map((request) => request.dialogState)).to.deep.equal([
      'STARTED',
      'IN_PROGRESS',
      'COMPLETED',
    ]);
    const [completed] = intentRequestsOf(confirm);
    expect(completed.intent.confirmationStatus).to.equal('CONFIRMED');
    expect(completed.intent.slots?.size.value).to.equal('huge');
  });

  it('"no" to the confirmation sends the intent DENIED, and the dialog is over', async () => {
    const turns = await sayAll(
      talkTo(coffeeSkill(), { model: COFFEE_MODEL }),
      'open corner coffee',
      'i want a small tea',
      'no',
    );
    expect(turns[1].captions).to.deep.equal(['A small tea, is that right?']);
    expect(turns[2].captions).to.deep.equal(['Cancelled.']);
    expect(intentRequestsOf(turns[2])[0]).to.deep.include({ dialogState: 'COMPLETED' });
    expect(intentRequestsOf(turns[2])[0].intent.confirmationStatus).to.equal('DENIED');
  });

  it('Dialog.ElicitSlot from the skill: the next utterance fills that slot, sent IN_PROGRESS', async () => {
    const [, order, drink] = await sayAll(
      talkTo(coffeeSkill(), { model: COFFEE_MODEL }),
      'open corner coffee',
      'order coffee',
      'a flat white',
    );
    expect(order.captions).to.deep.equal(['Which drink would you like?']);
    const [answer] = intentRequestsOf(drink);
    expect(answer.dialogState).to.equal('IN_PROGRESS');
    expect(answer.intent.slots?.drink.value).to.equal('flat white');
    expect(drink.captions).to.deep.equal(['What size of flat white? Small, medium or large?']);
  });

  it('an answer to something else leaves the dialog for the intent it matches', async () => {
    const [, , other] = await sayAll(
      talkTo(coffeeSkill(), { model: COFFEE_MODEL }),
      'open corner coffee',
      'order a latte',
      'when are you open',
    );
    expect(intentRequestsOf(other).map((request) => request.intent.name)).to.deep.equal(['StoreHoursIntent']);
    expect(other.captions).to.deep.equal(['Seven to seven.']);
  });

  it('auto delegation: Alexa runs the dialog (re-asking a denied slot) and calls the skill once, COMPLETED', async () => {
    const turns = await sayAll(
      talkTo(coffeeSkill(), { model: COFFEE_MODEL }),
      'open corner coffee',
      'pickup in ten minutes',
      'no',
      'fifteen',
      'yes',
    );
    expect(turns.slice(1).map((turn) => turn.captions)).to.deep.equal([
      ['In 10 minutes?'],
      ['In how many minutes will you pick it up?'],
      ['In 15 minutes?'],
      ['See you in 15 minutes.'],
    ]);
    expect(turns.slice(1, 4).flatMap((turn) => turn.exchanges)).to.deep.equal([]);
    const [completed] = intentRequestsOf(turns[4]);
    expect(completed.dialogState).to.equal('COMPLETED');
    expect(completed.intent.slots?.minutes).to.include({ value: '15', confirmationStatus: 'CONFIRMED' });
  });

  it('a Dialog.Delegate in answer to a COMPLETED dialog is an invalid response, not an endless loop', async () => {
    const alwaysDelegates = skillWith(
      answering('OrderIntent', (input) => input.responseBuilder.addDelegateDirective().getResponse()),
    );
    const [order, confirm] = await sayAll(
      talkTo(alwaysDelegates, { model: COFFEE_MODEL }),
      'ask corner coffee to get me two large lattes',
      'yes',
    );
    expect(order.captions).to.deep.equal(['A large lattes, is that right?']);
    expect(confirm.problems).to.deep.equal([
      'invalid response to IntentRequest: Dialog.Delegate answers a COMPLETED dialog: there is nothing left to delegate',
    ]);
  });
});
