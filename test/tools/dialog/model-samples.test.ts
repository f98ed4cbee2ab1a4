import { expect } from 'chai';
import type { Slot } from 'ask-sdk-model';
import { basename, join } from 'node:path';
import {
  readInteractionModel,
  type InteractionModel,
  type ModelSlot,
} from '../../../tools/dialog/interaction-model';
import { interactionModelPath, readLocales } from '../../../tools/dialog/project';
import { createUtteranceResolver } from '../../../tools/dialog/utterance-resolver';

const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
const OWN_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'interaction-models');
/** Models from Amazon's public samples, never seen while the resolver was written. */
const AMAZON_SAMPLES = join(OWN_FIXTURES, 'amazon-samples');

const MODELS = [
  ...readLocales().map((locale) => ({ path: interactionModelPath(locale), locale })),
  { path: join(AMAZON_SAMPLES, 'petmatch.en-US.json'), locale: 'en-US' },
  { path: join(AMAZON_SAMPLES, 'highlow.en-US.json'), locale: 'en-US' },
  { path: join(AMAZON_SAMPLES, 'highlow.es-ES.json'), locale: 'es-ES' },
  { path: join(AMAZON_SAMPLES, 'highlow.de-DE.json'), locale: 'de-DE' },
  { path: join(AMAZON_SAMPLES, 'highlow.hi-IN.json'), locale: 'hi-IN' },
  { path: join(OWN_FIXTURES, 'kitchen-helper.en-US.json'), locale: 'en-US' },
  { path: join(OWN_FIXTURES, 'coffee-order.en-US.json'), locale: 'en-US' },
  { path: join(OWN_FIXTURES, 'pub-quiz.en-GB.json'), locale: 'en-GB' },
];

/** What to say for a slot, and what Alexa should then send: `resolvedTo` is the entity-resolution name. */
interface Example {
  said: string;
  value: string;
  resolvedTo?: string;
}

/** Twenty-one as people say it in each language of the models here: a compound in every one of them. */
const TWENTY_ONE: Record<string, string> = {
  en: 'twenty one',
  es: 'veintiuno',
  de: 'einundzwanzig',
  fr: 'vingt et un',
  it: 'ventuno',
  pt: 'vinte e um',
  ja: '二十一',
  hi: 'इक्कीस',
  ar: 'واحد وعشرين',
  nl: 'eenentwintig',
};

/** A number in words, a listed synonym, or any word for open types. */
function exampleFor(model: InteractionModel, slot: ModelSlot, locale: string): Example {
  if (slot.type === 'AMAZON.NUMBER') return { said: TWENTY_ONE[locale.split('-')[0]], value: '21' };
  const listed = model.interactionModel.languageModel.types?.find((type) => type.name === slot.type)
    ?.values[0];
  if (!listed) return { said: 'london', value: 'london' };
  const said = listed.name.synonyms?.at(-1) ?? listed.name.value;
  return { said, value: said.toLowerCase(), resolvedTo: listed.name.value };
}

function fillSample(model: InteractionModel, sample: string, slots: ModelSlot[], locale: string) {
  const examples = new Map<string, Example>();
  const utterance = sample.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const slot = slots.find((candidate) => candidate.name === name);
    if (!slot) throw new Error(`sample "${sample}" names an undeclared slot ${name}`);
    const example = exampleFor(model, slot, locale);
    examples.set(name, example);
    return example.said;
  });
  return { utterance, examples };
}

/** Checks the request's slots against the examples spoken: values, and the entity resolution of listed values. */
function expectSlotsFilled(
  sent: Record<string, Slot>,
  declared: ModelSlot[],
  examples: Map<string, Example>,
) {
  for (const [name, example] of examples) {
    expect(sent[name]?.value, `value of ${name}`).to.equal(example.value);
    if (!example.resolvedTo) continue;
    const type = declared.find((slot) => slot.name === name)?.type;
    const [resolution] = sent[name].resolutions?.resolutionsPerAuthority ?? [];
    expect(resolution?.authority).to.equal(`amzn1.er-authority.echo-sdk.${SKILL_ID}.${type}`);
    expect(resolution?.status.code).to.equal('ER_SUCCESS_MATCH');
    expect(resolution?.values.map((wrapper) => wrapper.value.name)).to.deep.equal([example.resolvedTo]);
  }
}

for (const { path, locale } of MODELS) {
  const name = basename(path);
  const model = readInteractionModel(path);
  const resolver = createUtteranceResolver(model, { locale, skillId: SKILL_ID });

  describe(`every sample utterance of ${name} resolves to its own intent`, () => {
    for (const intent of model.interactionModel.languageModel.intents) {
      const slots = intent.slots ?? [];
      for (const sample of intent.samples ?? []) {
        const { utterance, examples } = fillSample(model, sample, slots, locale);
        it(`"${utterance}" is ${intent.name}`, () => {
          const understood = resolver.understand(utterance, { inSession: true });
          expect(understood).to.include({ kind: 'intent' });
          if (understood.kind !== 'intent') return;
          expect(understood.intent.name).to.equal(intent.name);
          expectSlotsFilled(understood.intent.slots ?? {}, slots, examples);
        });
      }
      for (const slot of slots.filter((candidate) => candidate.samples?.length)) {
        for (const sample of slot.samples ?? []) {
          const { utterance, examples } = fillSample(model, sample, slots, locale);
          it(`"${utterance}" answers the question for ${intent.name}'s ${slot.name}`, () => {
            const answer = resolver.answerToElicitation(utterance, intent.name, slot.name);
            expect(answer, 'slots of the answer').to.not.equal(undefined);
            const intentWithAnswer = resolver.toIntent(intent.name, answer ?? new Map());
            expectSlotsFilled(intentWithAnswer.slots ?? {}, slots, examples);
          });
        }
      }
    }
  });
}
