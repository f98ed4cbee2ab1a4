import { expect } from 'chai';
import { ResponseFactory } from 'ask-sdk-core';
import type { IntentRequest, LaunchRequest } from 'ask-sdk-model';
import { responseProblems } from '../../../tools/dialog/response-check';

const launch: LaunchRequest = { type: 'LaunchRequest', requestId: 'r', timestamp: 't', locale: 'en-US' };
const intent = (dialogState: IntentRequest['dialogState']): IntentRequest => ({
  type: 'IntentRequest',
  requestId: 'r',
  timestamp: 't',
  locale: 'en-US',
  dialogState,
  intent: { name: 'OrderIntent', confirmationStatus: 'NONE' },
});

const envelope = (response: object) => ({ version: '1.0', response });

describe('which skill responses Alexa accepts', () => {
  it('accepts what the ASK SDK builds: speech, reprompt, a card, the end of a session', () => {
    const response = ResponseFactory.init()
      .speak('Your counter is <say-as interpret-as="cardinal">6</say-as>. Tom &amp; Jerry.')
      .reprompt('What next?')
      .withSimpleCard('Hello Counter', '6')
      .withShouldEndSession(false)
      .getResponse();
    expect(responseProblems(envelope(response), launch)).to.deep.equal([]);
    expect(responseProblems({ version: '1.0', response: {} }, launch)).to.deep.equal([]);
  });

  it('accepts Dialog.Delegate without speech while the dialog is in progress', () => {
    const response = ResponseFactory.init().addDelegateDirective().getResponse();
    expect(responseProblems(envelope(response), intent('IN_PROGRESS'))).to.deep.equal([]);
  });

  const invalid: [string, unknown, string][] = [
    ['no response at all', undefined, 'the response is missing, not a response envelope'],
    ['no response object', { version: '1.0' }, 'response is missing'],
    [
      'SSML outside <speak>',
      envelope({ outputSpeech: { type: 'SSML', ssml: 'Hello' } }),
      'outputSpeech.ssml is not inside <speak>...</speak>',
    ],
    [
      'a tag left open',
      envelope({ outputSpeech: { type: 'SSML', ssml: '<speak><emphasis>Hi</speak>' } }),
      'outputSpeech.ssml closes <speak> while <emphasis> is open',
    ],
    [
      'a bare ampersand',
      envelope({ outputSpeech: { type: 'SSML', ssml: '<speak>Tom & Jerry</speak>' } }),
      'outputSpeech.ssml has a bare "&" (write &amp;)',
    ],
    [
      'an unknown speech type',
      envelope({ outputSpeech: { type: 'Text', text: 'Hi' } }),
      'outputSpeech.type is "Text", not PlainText or SSML',
    ],
    ['a reprompt without speech', envelope({ reprompt: {} }), 'reprompt.outputSpeech is missing'],
    [
      'shouldEndSession as a string',
      envelope({ shouldEndSession: 'true' }),
      'shouldEndSession is not a boolean',
    ],
    [
      'a card Alexa does not know',
      envelope({ card: { type: 'Fancy' } }),
      'card type "Fancy" is not one Alexa knows',
    ],
    [
      'speech over 8000 characters',
      envelope({ outputSpeech: { type: 'PlainText', text: 'a'.repeat(8001) } }),
      'outputSpeech is longer than 8000 characters',
    ],
    [
      'Dialog.ElicitSlot without a slot',
      envelope({ directives: [{ type: 'Dialog.ElicitSlot' }] }),
      'Dialog.ElicitSlot needs slotToElicit',
    ],
  ];
  for (const [what, body, problem] of invalid) {
    it(`refuses ${what}`, () => expect(responseProblems(body, intent('IN_PROGRESS'))).to.include(problem));
  }

  it('refuses Dialog.Delegate with speech, ending the session, or after a COMPLETED dialog', () => {
    const delegate = { type: 'Dialog.Delegate' };
    expect(
      responseProblems(
        envelope({ directives: [delegate], outputSpeech: { type: 'PlainText', text: 'Hi' } }),
        intent('STARTED'),
      ),
    ).to.deep.equal(['Dialog.Delegate cannot come with outputSpeech or reprompt: Alexa speaks the prompt']);
    expect(
      responseProblems(envelope({ directives: [delegate], shouldEndSession: true }), intent('STARTED')),
    ).to.deep.equal(['Dialog.Delegate cannot end the session']);
    expect(responseProblems(envelope({ directives: [delegate] }), intent('COMPLETED'))).to.deep.equal([
      'Dialog.Delegate answers a COMPLETED dialog: there is nothing left to delegate',
    ]);
    expect(responseProblems(envelope({ directives: [delegate] }), launch)).to.deep.equal([
      'Dialog.Delegate answers a LaunchRequest without an updatedIntent',
    ]);
  });

  it('refuses a response over 24 KB', () => {
    const big = envelope({}) as { sessionAttributes?: object };
    big.sessionAttributes = { padding: 'x'.repeat(25 * 1024) };
    expect(responseProblems(big, launch)[0]).to.match(/^the response is \d+ bytes, more than Alexa's 24 KB$/);
  });
});
