import { expect } from 'chai';
import type { IntentRequest } from 'ask-sdk-model';
import type { ConsoleEvent, Entry, NoteEntry, TurnEntry } from '../../../tools/console/api';
import { startConsoleSession, type ConsoleSession } from '../../../tools/console/console-session';
import { parseReplayFile } from '../../../tools/dialog/ask-cli-files';
import { SKILL_PROBLEM_CAPTION } from '../../../tools/dialog/conversation';
import { PLACEHOLDER_SKILL_ID } from '../../../tools/dialog/project';
import { editableProjectCopy, type ProjectCopy } from '../../support/project-copy';
import { readInvocationName } from '../../../tools/project/skill-package';
import { PROJECT_ROOT } from '../../support/project-copy';
import { INVOCATION } from '../../support/skill-names';

const GERMAN_INVOCATION = readInvocationName('de-DE', PROJECT_ROOT);

describe('the console session: npm start for web pages', function () {
  this.timeout(30_000);
  let session: ConsoleSession;
  let events: ConsoleEvent[];

  beforeEach(async () => {
    session = await startConsoleSession({
      store: { engine: 'dynalite', dataDir: undefined },
      userId: 'amzn1.ask.account.local-user',
      deviceId: 'amzn1.ask.device.local-device',
      strict: false,
    });
    events = [];
    session.subscribe((event) => events.push(event));
  });
  afterEach(() => session.close());

  const turns = () => session.state().entries.filter((entry): entry is TurnEntry => entry.kind === 'turn');
  const lastTurn = () => turns().at(-1) as TurnEntry;
  const notes = () => session.state().entries.filter((entry): entry is NoteEntry => entry.kind === 'note');
  const status = () => session.state().status;
  const refusal = (action: Promise<unknown>) =>
    action.then(
      () => undefined,
      (error: Error) => error.message,
    );

  it("shows a turn as the developer console does: Alexa's captions, the reprompt, the request and response, the session", async () => {
    await session.say(`open ${INVOCATION}`);
    await session.say('add twenty one');

    const turn = lastTurn();
    expect(turn.captions).to.deep.equal(['Added 21. Your saved counter is 21.']);
    expect(turn.reprompts).to.deep.equal(['Say hello, add a number, or ask for your count.']);
    const request = turn.exchanges[0].request.request as IntentRequest;
    expect(request.intent.name).to.equal('IncrementIntent');
    expect(request.intent.slots?.amount.value).to.equal('21');
    expect(turns()[0].sessionStarted).to.equal(true);
    expect(turn.sessionStarted).to.equal(false);
    expect(status().session?.id).to.equal(turn.exchanges[0].request.session?.sessionId);
  });

  it("keeps the user's stored item as the adapter wrote it, before and after each turn", async () => {
    await session.say(`ask ${INVOCATION} to add twenty one`);
    await session.say(`ask ${INVOCATION} to add five`);

    const turn = lastTurn();
    expect(turn.itemBefore).to.deep.include({
      id: 'amzn1.ask.account.local-user',
      attributes: { counter: 21 },
      version: 1,
    });
    expect(turn.itemAfter).to.deep.include({ attributes: { counter: 26 }, version: 2 });
    expect(turn.itemAfter?.writes).to.be.an('array').with.length(2);
    expect(status().item).to.deep.equal(turn.itemAfter);
  });

  it('"New user" deletes the stored item: the skill meets the user as new', async () => {
    await session.say(`ask ${INVOCATION} to add five`);
    await session.deleteItem();

    expect(status().item).to.equal(null);
    await session.say(`open ${INVOCATION}`);
    expect(lastTurn().captions[0]).to.include('Your saved counter is 0.');
  });

  it('"New session" ends the open session as saying "exit" does, and records it so', async () => {
    await session.say(`open ${INVOCATION}`);
    await session.endSession();

    const turn = lastTurn();
    expect(turn.utterance).to.equal('exit');
    expect(turn.sessionEnded).to.equal(true);
    expect(turn.exchanges[0].request.request).to.deep.include({
      type: 'SessionEndedRequest',
      reason: 'USER_INITIATED',
    });
    expect(status().session).to.equal(null);
    expect(await refusal(session.endSession())).to.equal('There is no open session to end.');
  });

  it('switches user, device and locale: a new session, and each user keeps their own item', async () => {
    await session.say(`ask ${INVOCATION} to add five`);
    await session.switchCaller({ user: 'alice', device: 'kitchen', locale: 'de-DE' });
    await session.say(`frag ${GERMAN_INVOCATION} nach meinem zählerstand`);

    expect(status().caller).to.deep.include({
      locale: 'de-DE',
      user: 'alice',
      userId: 'amzn1.ask.account.alice',
      deviceId: 'amzn1.ask.device.kitchen',
    });
    expect(status().invocationName).to.equal(GERMAN_INVOCATION);
    expect(status().launchExample).to.equal(`öffne ${GERMAN_INVOCATION}`);
    expect(lastTurn().captions[0]).to.include('0');
    expect(lastTurn().exchanges[0].request.context.System.device?.deviceId).to.equal(
      'amzn1.ask.device.kitchen',
    );
    expect(notes().at(-1)?.text).to.include('Now de-DE, user alice, device kitchen: a new session.');
  });

  it('refuses a locale without a model, a path for a locale, and a user name it cannot use, in one line, changing nothing', async () => {
    expect(await refusal(session.switchCaller({ locale: 'xx-XX' }))).to.match(
      /^There is no interaction model for xx-XX/,
    );
    expect(await refusal(session.switchCaller({ locale: 'en-US/../en-GB' }))).to.equal(
      '"en-US/../en-GB" is not a locale: Alexa\'s locales look like en-US.',
    );
    expect(await refusal(session.switchCaller({ user: '' }))).to.equal(
      'A user is 1 to 200 characters, with no control characters.',
    );
    expect(await refusal(session.switchCaller({ device: 'a\u0000b' }))).to.include('no control characters');
    expect(status().caller.locale).to.equal('en-US');
  });

  it('saves what was said as an ask-cli replay file that reads back, ending with .quit', async () => {
    await session.say(`open ${INVOCATION}`);
    await session.say('add five');
    await session.endSession();

    const { fileName, text } = session.replayFile();

    expect(fileName).to.equal('replay-en-US.json');
    expect(parseReplayFile(text, fileName)).to.deep.equal({
      skillId: PLACEHOLDER_SKILL_ID,
      locale: 'en-US',
      type: 'text',
      userInput: [`open ${INVOCATION}`, 'add five', 'exit', '.quit'],
    });
  });

  it('runs a loaded replay file turn by turn, in its locale, and stops at .quit', async () => {
    const replay = {
      skillId: PLACEHOLDER_SKILL_ID,
      locale: 'en-GB',
      type: 'text',
      userInput: [`open ${INVOCATION}`, 'add two', '.quit', 'add nine'],
    };
    await session.loadReplay('two.json', JSON.stringify(replay));

    expect(status().replay).to.deep.equal({ name: 'two.json', inputs: replay.userInput, next: 0 });
    expect(status().caller.locale).to.equal('en-GB');
    expect(await session.stepReplay()).to.deep.equal({ left: 3 });
    expect(await session.stepReplay()).to.deep.equal({ left: 2 });
    expect(lastTurn().captions).to.deep.equal(['Added 2. Your saved counter is 2.']);
    expect(await session.stepReplay()).to.deep.equal({ left: 0 });
    expect(await refusal(session.stepReplay())).to.equal('No replay input is left to say.');
    expect(turns().map((turn) => turn.utterance)).to.deep.equal([`open ${INVOCATION}`, 'add two']);
  });

  it('refuses a replay file that is not one with the message ask-cli gives, and keeps the conversation', async () => {
    await session.say(`open ${INVOCATION}`);
    const refusals = await Promise.all(
      [
        'not json',
        'null',
        '[]',
        '{"locale": "en-US", "userInput": []}',
        `{"skillId": "x", "locale": "en-US", "userInput": [1]}`,
      ].map((text) => refusal(session.loadReplay('bad.json', text))),
    );

    expect(refusals[0]).to.match(/^Failed to parse file: bad\.json\./);
    expect(refusals[1]).to.equal('Failed to parse file: bad.json.\nIt is not a JSON object.');
    expect(refusals[2]).to.equal('Failed to parse file: bad.json.\nIt is not a JSON object.');
    expect(refusals[3]).to.equal('Replay file must contain skillId');
    expect(refusals[4]).to.equal("Replay file's userInput must be a list of strings.");
    expect(status().replay).to.equal(null);
    expect(status().session).to.not.equal(null);
  });

  it('refuses a huge utterance, an empty one and npm start commands, sending nothing to the skill', async () => {
    const huge = 'add five '.repeat(20_000);
    expect(await refusal(session.say(huge))).to.equal(
      `That is ${huge.trim().length} characters; an utterance here is at most 1000. Nothing was sent.`,
    );
    expect(await refusal(session.say('   '))).to.equal('Type something to say first.');
    expect(await refusal(session.say('.record x.json'))).to.equal(
      '".record" is a command of npm start; here the buttons do that.',
    );
    expect(turns()).to.have.length(0);
    expect(status().recorded).to.equal(0);
  });

  it('answers utterances sent at the same moment one after the other, in the order they came, none lost', async () => {
    await session.say(`open ${INVOCATION}`);
    await Promise.all(Array.from({ length: 10 }, () => session.say('add one')));

    expect(
      turns()
        .slice(1)
        .map((turn) => turn.captions[0]),
    ).to.deep.equal(Array.from({ length: 10 }, (_, index) => `Added 1. Your saved counter is ${index + 1}.`));
  });

  it('sends every change to every listener: an entry per turn, and the status around it', async () => {
    const other: ConsoleEvent[] = [];
    session.subscribe((event) => other.push(event));
    await session.say(`ask ${INVOCATION} to add five`);

    expect(other).to.deep.equal(events);
    expect(events.map((event) => event.type)).to.deep.equal(['status', 'entry', 'status']);
    const [busy, entry, done] = events as [
      Extract<ConsoleEvent, { type: 'status' }>,
      { type: 'entry'; entry: Entry },
      Extract<ConsoleEvent, { type: 'status' }>,
    ];
    expect(busy.status.busy).to.equal(true);
    expect(entry.entry).to.deep.include({ kind: 'turn', utterance: `ask ${INVOCATION} to add five` });
    expect(done.status).to.deep.include({ busy: false, recorded: 1 });
    expect(done.status.item).to.deep.include({ attributes: { counter: 5 } });
  });
});

describe('the console session, with a skill that fails', function () {
  this.timeout(30_000);
  let project: ProjectCopy;
  let session: ConsoleSession;

  before(async () => {
    project = editableProjectCopy();
    project.edit('lambda/src/handlers/launch.ts', (text) =>
      text.replace(
        'async handle(handlerInput) {',
        "async handle(handlerInput) {\n    return handlerInput.responseBuilder.speak('<b>unclosed').getResponse();",
      ),
    );
    project.edit('lambda/src/handlers/counter/get-count.ts', (text) =>
      text.replace(
        'async handle(handlerInput) {',
        "async handle(handlerInput) {\n    throw new Error('count is broken');",
      ),
    );
    session = await startConsoleSession({
      store: { engine: 'dynalite', dataDir: undefined },
      userId: 'amzn1.ask.account.local-user',
      deviceId: 'amzn1.ask.device.local-device',
      strict: false,
      root: project.root,
    });
  });
  after(async () => {
    await session.close();
    project.remove();
  });

  const lastTurn = () => session.state().entries.at(-1) as TurnEntry;

  it("shows Alexa's apology and why a device would refuse the response, and the session ends", async () => {
    await session.say(`open ${INVOCATION}`);

    const turn = lastTurn();
    expect(turn.captions).to.deep.equal([SKILL_PROBLEM_CAPTION]);
    expect(turn.problems).to.deep.equal([
      'invalid response to LaunchRequest: outputSpeech.ssml closes <speak> while <b> is open',
    ]);
    expect(turn.exchanges.map((exchange) => exchange.request.request.type)).to.deep.equal([
      'LaunchRequest',
      'SessionEndedRequest',
    ]);
    expect(turn.sessionEnded).to.equal(true);
  });

  it("keeps the skill's log lines with the turn that wrote them, as CloudWatch would", async () => {
    await session.say(`ask ${INVOCATION} what is my count`);

    const turn = lastTurn();
    expect(turn.captions).to.deep.equal(['Sorry, I had trouble doing what you asked. Please try again.']);
    expect(turn.logs.join('\n')).to.match(
      /Error: count is broken\n\s+at .*lambda\/src\/handlers\/counter\/get-count\.ts:8:\d+/,
    );
  });
});
