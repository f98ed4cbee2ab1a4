import { expect } from 'chai';
import type { Intent } from 'ask-sdk-model';
import { join } from 'node:path';
import { readInteractionModel } from '../../../tools/dialog/interaction-model';
import { createUtteranceResolver, type Understanding } from '../../../tools/dialog/utterance-resolver';
import { INVOCATION } from '../../support/skill-names';

const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'interaction-models');

function resolverFor(path: string, locale = 'en-US') {
  return createUtteranceResolver(readInteractionModel(path), { locale, skillId: SKILL_ID });
}

const counter = resolverFor(join(ROOT, 'skill-package', 'interactionModels', 'custom', 'en-US.json'));
const kitchen = resolverFor(join(FIXTURES, 'kitchen-helper.en-US.json'));
const coffee = resolverFor(join(FIXTURES, 'coffee-order.en-US.json'));
const quiz = resolverFor(join(FIXTURES, 'pub-quiz.en-GB.json'), 'en-GB');

const inSession = { inSession: true };
const outOfSession = { inSession: false };

function intentOf(understanding: Understanding): Intent {
  if (understanding.kind !== 'intent')
    throw new Error(`expected an intent, got ${JSON.stringify(understanding)}`);
  return understanding.intent;
}

function slotValues(intent: Intent): Record<string, string | undefined> {
  return Object.fromEntries(Object.values(intent.slots ?? {}).map((slot) => [slot.name, slot.value]));
}

describe('invocation: "open|launch|start|talk to <name>" launches, anchored at the start', () => {
  for (const utterance of [
    `open ${INVOCATION}`,
    `launch ${INVOCATION}`,
    `start ${INVOCATION}`,
    `talk to ${INVOCATION}`,
    `Alexa, open ${INVOCATION.toUpperCase()}!`,
    `ask ${INVOCATION}`,
  ]) {
    it(`"${utterance}" is a LaunchRequest, in a session or not`, () => {
      expect(counter.understand(utterance, outOfSession)).to.deep.equal({ kind: 'launch' });
      expect(counter.understand(utterance, inSession)).to.deep.equal({ kind: 'launch' });
    });
  }

  it('"tell me the count" inside a session is GetCountIntent, not a launch', () => {
    const understood = counter.understand('tell me the count', inSession);
    expect(understood).to.include({ kind: 'intent', invoked: false });
    expect(intentOf(understood).name).to.equal('GetCountIntent');
  });

  it('"tell me the count" outside a session does not reach the skill: it names no skill', () => {
    expect(counter.understand('tell me the count', outOfSession)).to.deep.equal({ kind: 'not-for-skill' });
  });

  it(`"please open ${INVOCATION}" is not an invocation: the verb must come first`, () => {
    expect(counter.understand(`please open ${INVOCATION}`, outOfSession)).to.deep.equal({
      kind: 'not-for-skill',
    });
    expect(intentOf(counter.understand(`please open ${INVOCATION}`, inSession)).name).to.equal(
      'AMAZON.FallbackIntent',
    );
  });

  it(`"open the door" is not a launch of ${INVOCATION}`, () => {
    expect(counter.understand('open the door', outOfSession)).to.deep.equal({ kind: 'not-for-skill' });
  });
});

describe('invocation: "ask|tell <name> [to|for|about] <utterance>" opens a session with the intent', () => {
  it(`"ask ${INVOCATION} to add five" is IncrementIntent with amount 5, in a new session`, () => {
    const understood = counter.understand(`ask ${INVOCATION} to add five`, outOfSession);
    expect(understood).to.include({ kind: 'intent', invoked: true });
    expect(intentOf(understood).name).to.equal('IncrementIntent');
    expect(slotValues(intentOf(understood))).to.deep.equal({ amount: '5' });
  });

  it(`"tell ${INVOCATION} what is my count" needs no connector word`, () => {
    expect(intentOf(counter.understand(`tell ${INVOCATION} what is my count`, outOfSession)).name).to.equal(
      'GetCountIntent',
    );
  });

  it(`"ask ${INVOCATION} to sing" goes to the fallback intent, still in a new session`, () => {
    const understood = counter.understand(`ask ${INVOCATION} to sing`, outOfSession);
    expect(understood).to.include({ kind: 'intent', invoked: true });
    expect(intentOf(understood).name).to.equal('AMAZON.FallbackIntent');
  });
});

describe('sample utterances match regardless of case and punctuation', () => {
  it('"Add FIVE!" adds 5', () => {
    const intent = intentOf(counter.understand('Add FIVE!', inSession));
    expect(intent.name).to.equal('IncrementIntent');
    expect(slotValues(intent)).to.deep.equal({ amount: '5' });
  });

  it('"WHAT\u2019S the count?" (typographic apostrophe) is GetCountIntent', () => {
    expect(intentOf(counter.understand('WHAT\u2019S the count?', inSession)).name).to.equal('GetCountIntent');
  });

  it('sends every declared slot, empty ones without a value, as Alexa does', () => {
    expect(intentOf(counter.understand('count up', inSession))).to.deep.equal({
      name: 'IncrementIntent',
      confirmationStatus: 'NONE',
      slots: { amount: { name: 'amount', confirmationStatus: 'NONE' } },
    });
  });
});

describe('AMAZON.NUMBER slots are sent as digits', () => {
  const cases: [string, string][] = [
    ['add twenty one', '21'],
    ['increase the counter by one hundred and five', '105'],
    ['add a thousand', '1000'],
    ['add 21', '21'],
    ['add 1,000 to the counter', '1000'],
  ];
  for (const [utterance, digits] of cases) {
    it(`"${utterance}" fills amount with "${digits}"`, () => {
      const intent = intentOf(counter.understand(utterance, inSession));
      expect(intent.name).to.equal('IncrementIntent');
      expect(intent.slots?.amount).to.deep.equal({
        name: 'amount',
        value: digits,
        confirmationStatus: 'NONE',
        slotValue: { type: 'Simple', value: digits },
      });
    });
  }

  it('"add some" fills the number slot with "?", as Alexa does for a number it cannot read', () => {
    const intent = intentOf(counter.understand('add some', inSession));
    expect(intent.name).to.equal('IncrementIntent');
    expect(slotValues(intent)).to.deep.equal({ amount: '?' });
  });

  it('a sentence that only shares a word with a sample is not read as a number', () => {
    expect(intentOf(counter.understand('plus the purple elephant', inSession)).name).to.equal(
      'AMAZON.FallbackIntent',
    );
  });
});

describe('custom slot types resolve values and synonyms (entity resolution)', () => {
  const authority = (type: string) => `amzn1.er-authority.echo-sdk.${SKILL_ID}.${type}`;

  it('a synonym is sent as spoken, and resolves to its value and id', () => {
    const intent = intentOf(kitchen.understand('how many tbsp in two cups', inSession));
    expect(intent.name).to.equal('ConvertIntent');
    expect(slotValues(intent)).to.deep.equal({ amount: '2', fromUnit: 'cups', toUnit: 'tbsp' });
    expect(intent.slots?.toUnit.resolutions).to.deep.equal({
      resolutionsPerAuthority: [
        {
          authority: authority('MeasureType'),
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { name: 'tablespoon', id: 'TBSP' } }],
        },
      ],
    });
  });

  it('a value without an id in the model gets a stable generated id; accents do not matter', () => {
    const first = intentOf(kitchen.understand('recipe for creme brulee', inSession));
    const again = intentOf(kitchen.understand('recipe for burnt cream', inSession));
    const [resolution] = first.slots?.dish.resolutions?.resolutionsPerAuthority ?? [];
    expect(resolution.status.code).to.equal('ER_SUCCESS_MATCH');
    expect(resolution.values[0].value.name).to.equal('crème brûlée');
    expect(resolution.values[0].value.id).to.match(/^[0-9a-f]{32}$/);
    expect(again.slots?.dish.resolutions).to.deep.equal(first.slots?.dish.resolutions);
  });

  it('an unlisted value fills the slot with ER_SUCCESS_NO_MATCH and no values', () => {
    const intent = intentOf(kitchen.understand('how do i make lasagne', inSession));
    expect(intent.name).to.equal('RecipeIntent');
    expect(intent.slots?.dish.value).to.equal('lasagne');
    expect(intent.slots?.dish.resolutions).to.deep.equal({
      resolutionsPerAuthority: [
        { authority: authority('DishType'), status: { code: 'ER_SUCCESS_NO_MATCH' } },
      ],
    });
  });

  it('other built-in slot types pass their text through, without resolutions', () => {
    const intent = intentOf(kitchen.understand('what does Maria put in flapjacks', inSession));
    expect(intent.slots?.cook).to.deep.equal({
      name: 'cook',
      value: 'maria',
      confirmationStatus: 'NONE',
      slotValue: { type: 'Simple', value: 'maria' },
    });
    expect(intent.slots?.dish.resolutions?.resolutionsPerAuthority?.[0].values[0].value.id).to.equal(
      'PANCAKES',
    );
  });
});

describe('built-in intents answer their usual phrases', () => {
  const phrases: [string, string][] = [
    ['help', 'AMAZON.HelpIntent'],
    ['what can I say', 'AMAZON.HelpIntent'],
    ['stop', 'AMAZON.StopIntent'],
    ['shut up', 'AMAZON.StopIntent'],
    ['cancel', 'AMAZON.CancelIntent'],
    ['never mind', 'AMAZON.CancelIntent'],
    ['go home', 'AMAZON.NavigateHomeIntent'],
  ];
  for (const [utterance, intentName] of phrases) {
    it(`"${utterance}" is ${intentName}`, () => {
      expect(intentOf(counter.understand(utterance, inSession)).name).to.equal(intentName);
    });
  }

  it("a model's own samples for a built-in intent count too", () => {
    expect(intentOf(kitchen.understand('read that again', inSession)).name).to.equal('AMAZON.RepeatIntent');
  });

  it(`a built-in intent the model does not declare is not used: "yes" is the fallback for ${INVOCATION}`, () => {
    expect(intentOf(counter.understand('yes', inSession)).name).to.equal('AMAZON.FallbackIntent');
    expect(intentOf(coffee.understand('yes', inSession)).name).to.equal('AMAZON.YesIntent');
  });

  for (const utterance of ['exit', 'quit', 'Quit!']) {
    it(`"${utterance}" ends the session (SessionEndedRequest), as on a device`, () => {
      expect(counter.understand(utterance, inSession)).to.deep.equal({ kind: 'end-session' });
    });
  }
});

describe('anything the model cannot place', () => {
  for (const utterance of ['the purple elephant sings opera', 'what time is it', 'um', '']) {
    it(`"${utterance}" is AMAZON.FallbackIntent, never an exception`, () => {
      expect(intentOf(counter.understand(utterance, inSession)).name).to.equal('AMAZON.FallbackIntent');
    });
  }

  it('goes to one of the intents of a model without a fallback intent, with no slot filled', () => {
    const intent = intentOf(quiz.understand('what colour is the sky', inSession));
    expect(intent.name).to.not.match(/^AMAZON\./);
    expect(slotValues(intent)).to.deep.equal(
      Object.fromEntries(Object.keys(intent.slots ?? {}).map((name) => [name, undefined])),
    );
  });
});

describe('answers to an elicitation question', () => {
  it('"make it huge" answers the size question of OrderIntent with large', () => {
    const answer = coffee.answerToElicitation('make it huge', 'OrderIntent', 'size');
    const [resolution] = answer?.get('size')?.resolutions?.resolutionsPerAuthority ?? [];
    expect(answer?.get('size')?.value).to.equal('huge');
    expect(resolution.values[0].value).to.deep.equal({ name: 'large', id: 'L' });
  });

  it('a bare value answers too', () => {
    expect(coffee.answerToElicitation('a flat white', 'OrderIntent', 'drink')?.get('drink')?.value).to.equal(
      'flat white',
    );
  });

  it('something else is no answer', () => {
    expect(coffee.answerToElicitation('when are you open', 'OrderIntent', 'size')).to.equal(undefined);
  });
});

describe('choosing between candidate readings', () => {
  const finder = createUtteranceResolver(
    {
      interactionModel: {
        languageModel: {
          invocationName: 'pet finder',
          intents: [
            {
              name: 'SearchIntent',
              slots: [{ name: 'query', type: 'AMAZON.SearchQuery' }],
              samples: ['find {query}'],
            },
            {
              name: 'PetIntent',
              slots: [
                { name: 'size', type: 'SizeType' },
                { name: 'pet', type: 'PetType' },
              ],
              samples: ['find {size} {pet}', 'find a {pet}'],
            },
            { name: 'AMAZON.FallbackIntent', samples: [] },
          ],
          types: [
            { name: 'SizeType', values: [{ name: { value: 'small', synonyms: ['little', 'tiny'] } }] },
            {
              name: 'PetType',
              values: [{ name: { value: 'cat', synonyms: ['kitten'] } }, { name: { value: 'dog' } }],
            },
          ],
        },
      },
    },
    { locale: 'en-US', skillId: SKILL_ID },
  );

  it('prefers splitting a phrase into custom values and synonyms over taking it whole into a free-text slot', () => {
    const intent = intentOf(finder.understand('find little kitten', inSession));
    expect(intent.name).to.equal('PetIntent');
    expect(slotValues(intent)).to.deep.equal({ size: 'little', pet: 'kitten' });
  });

  it('takes the phrase into the free-text slot when it is no listed value', () => {
    const intent = intentOf(finder.understand('find cheap flights to rome', inSession));
    expect(intent.name).to.equal('SearchIntent');
    expect(slotValues(intent)).to.deep.equal({ query: 'cheap flights to rome' });
  });

  it('a custom slot leaves the filler out: "find a dog please" fills pet with "dog"', () => {
    const understanding = finder.understand('find a dog please', inSession);
    expect(slotValues(intentOf(understanding))).to.deep.include({ pet: 'dog' });
  });
});

describe('a lone {number} sample does not swallow a word that is no number', () => {
  const highLow = resolverFor(join(FIXTURES, 'amazon-samples', 'highlow.en-US.json'));
  const highLowEs = resolverFor(join(FIXTURES, 'amazon-samples', 'highlow.es-ES.json'), 'es-ES');

  for (const utterance of ['hello', 'banana', 'five apples', 'please banana']) {
    it(`"${utterance}" is AMAZON.FallbackIntent, not a guess of "?"`, () => {
      expect(intentOf(highLow.understand(utterance, inSession)).name).to.equal('AMAZON.FallbackIntent');
    });
  }

  it('a model without a fallback intent gets the intent with the number slot left empty, not "?"', () => {
    const intent = intentOf(highLowEs.understand('hola', inSession));
    expect(slotValues(intent)).to.deep.equal({ number: undefined });
  });

  it('with words of its own around it, a number slot still takes "?" as Alexa does: "is it some"', () => {
    expect(slotValues(intentOf(highLow.understand('is it some', inSession)))).to.deep.equal({ number: '?' });
  });
});

describe('input no one says', () => {
  const petMatch = resolverFor(join(FIXTURES, 'amazon-samples', 'petmatch.en-US.json'));

  it('a pasted text of thousands of words goes to the fallback intent instead of overflowing the stack', () => {
    for (const resolver of [counter, petMatch]) {
      for (const text of ['please '.repeat(5000), `add ${'one thousand million '.repeat(2000)}`]) {
        expect(intentOf(resolver.understand(text, inSession)).name).to.equal('AMAZON.FallbackIntent');
      }
    }
  });

  it('dozens of number words after "add" are no number Alexa would fill: the fallback intent', () => {
    for (const times of [7, 45]) {
      const intent = intentOf(counter.understand(`add ${'one thousand '.repeat(times)}`, inSession));
      expect(intent.name).to.equal('AMAZON.FallbackIntent');
    }
  });
});
