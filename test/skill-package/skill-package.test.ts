import { expect } from 'chai';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { HANDLED_INTENTS } from '../../lambda/src/intents';
import { readInteractionModel, type ModelIntent } from '../../tools/dialog/interaction-model';
import { interactionModelPath, PLACEHOLDER_SKILL_ID } from '../../tools/dialog/project';
import {
  createUtteranceResolver,
  type Understanding,
  type UtteranceResolver,
} from '../../tools/dialog/utterance-resolver';
import { PROJECT_ROOT } from '../support/project-copy';
import { readSkillManifest } from '../support/skill-manifest';

/** ASK's "Develop Skills in Multiple Languages": every locale custom skills can use. */
const ASK_CUSTOM_SKILL_LOCALES = [
  'ar-SA',
  'de-DE',
  'en-AU',
  'en-CA',
  'en-GB',
  'en-IN',
  'en-US',
  'es-ES',
  'es-MX',
  'es-US',
  'fr-CA',
  'fr-FR',
  'hi-IN',
  'it-IT',
  'ja-JP',
  'nl-NL',
  'pt-BR',
];

const CUSTOM_INTENTS = HANDLED_INTENTS.filter((intent) => !intent.startsWith('AMAZON.'));

/** How many samples each custom intent needs for Alexa to learn how people phrase it (issue 12). */
const minimumSamples = (locale: string) => (locale === 'en-US' ? 15 : 10);

/** Lower case with punctuation gone; Japanese is written without spaces, so spaces go too. */
function normalized(text: string, locale: string): string {
  const words = text
    .toLowerCase()
    .replace(/[,،、。!?¿¡]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return locale === 'ja-JP' ? words.replace(/ /g, '') : words;
}

/** What an example phrase does: opens the skill, or asks for an intent (with the amount it names). */
type Advertised = 'launch' | { intent: string; amount?: string };
const addFive: Advertised = { intent: 'IncrementIntent', amount: '5' };
const getCount: Advertised = { intent: 'GetCountIntent' };

/**
 * What each example phrase of skill.json promises, written with the locale's invocation name as {name} (so
 * that renaming the skill keeps this table true). The store shows these phrases to users: each must do what
 * it says. A new phrase needs its line here.
 */
const ADVERTISED: Record<string, Advertised> = {
  'Alexa, open {name}': 'launch',
  'Alexa, ask {name} to add five': addFive,
  'Alexa, ask {name} what is my count': getCount,
  'اليكسا، افتحي {name}': 'launch',
  'اليكسا، اسألي {name} عن العدد الحالي': getCount,
  'أضيفي خمسة': addFive,
  'Alexa, öffne {name}': 'launch',
  'Alexa, frage {name} nach meinem Zählerstand': getCount,
  'zähl fünf dazu': addFive,
  'Alexa, abre {name}': 'launch',
  'Alexa, pide a {name} que sume cinco': addFive,
  'cuánto llevo': getCount,
  'Alexa, ouvre {name}': 'launch',
  "Alexa, demande à {name} où j'en suis": getCount,
  'ajoute cinq': addFive,
  'Alexa, {name} खोलो': 'launch',
  'Alexa, {name} से पूछो कि मेरी गिनती कितनी है': getCount,
  'पाँच जोड़ो': addFive,
  'Alexa, apri {name}': 'launch',
  'Alexa, chiedi a {name} quanto ho': getCount,
  'aggiungi cinque': addFive,
  'アレクサ、{name}を開いて': 'launch',
  'アレクサ、{name}で五足して': addFive,
  今いくつ: getCount,
  'Alexa, vraag {name} naar mijn stand': getCount,
  'tel er vijf bij': addFive,
  'Alexa, abra {name}': 'launch',
  'Alexa, pergunte ao {name} qual é o total': getCount,
  'adiciona cinco': addFive,
};

/**
 * What the simulator makes of a phrase, in the shape of `Advertised`. A phrase that starts with the wake word is
 * said outside a session; one without it ("zähl fünf dazu") inside one, as the store means it.
 */
function simulated(resolver: UtteranceResolver, phrase: string): Advertised | Understanding['kind'] {
  const inSession = !phrase.toLowerCase().startsWith(resolver.language.invocation.wakeWord);
  const understanding = resolver.understand(phrase, { inSession });
  if (understanding.kind !== 'intent') return understanding.kind;
  const amount = understanding.intent.slots?.amount?.value;
  return { intent: understanding.intent.name, ...(amount !== undefined && { amount }) };
}

const manifest = readSkillManifest();
const locales = Object.keys(manifest.published);
const intentNames = (intents: ModelIntent[]) => intents.map((intent) => intent.name).sort();

describe('skill-package: the skill in every locale', () => {
  it('lists only locales ASK supports for custom skills (the template ships all of them)', () => {
    expect(ASK_CUSTOM_SKILL_LOCALES).to.include.members(locales);
  });

  it('gives every locale a model, a speech file and a privacy entry', () => {
    for (const locale of locales) {
      expect(existsSync(interactionModelPath(locale)), `model for ${locale}`).to.equal(true);
      const speechFile = path.join(PROJECT_ROOT, 'lambda', 'src', 'speech', 'locales', `${locale}.ts`);
      expect(existsSync(speechFile), `speech file for ${locale}`).to.equal(true);
    }
    expect([...manifest.privacyLocales].sort()).to.deep.equal([...locales].sort());
  });

  for (const locale of locales) {
    describe(locale, () => {
      const published = manifest.published[locale];
      const model = readInteractionModel(interactionModelPath(locale));
      const { languageModel } = model.interactionModel;
      const samples = languageModel.intents.flatMap((intent) => intent.samples ?? []);

      it('describes itself in the store: name, summary, description, keywords, up to three example phrases', () => {
        expect(published.name.trim()).to.not.equal('');
        expect(published.summary.length).to.be.within(1, 160);
        expect(published.description.length).to.be.within(1, 4000);
        expect(published.keywords).to.have.length.within(1, 30);
        expect(published.examplePhrases).to.have.length.within(1, 3);
      });

      it('declares every intent the code handles, built-ins included, and the amount slot as AMAZON.NUMBER', () => {
        expect(intentNames(languageModel.intents)).to.deep.equal([...HANDLED_INTENTS].sort());
        const increment = languageModel.intents.find((intent) => intent.name === 'IncrementIntent');
        expect(increment?.slots).to.deep.equal([{ name: 'amount', type: 'AMAZON.NUMBER' }]);
      });

      it(`has at least ${minimumSamples(locale)} samples for each custom intent`, () => {
        for (const name of CUSTOM_INTENTS) {
          const intent = languageModel.intents.find((candidate) => candidate.name === name);
          expect(intent?.samples, name).to.have.length.of.at.least(minimumSamples(locale));
        }
      });

      it('writes samples Alexa accepts: numbers in words, only {amount} in braces, no symbols, none twice', () => {
        for (const sample of samples) {
          expect(sample.replace(/\{amount\}/g, ''), sample).to.match(/^[\p{L}\p{M}' .-]+$/u);
        }
        const amountSamples = languageModel.intents
          .filter((intent) => intent.name !== 'IncrementIntent')
          .flatMap((intent) => intent.samples ?? [])
          .filter((sample) => sample.includes('{'));
        expect(amountSamples, 'slots outside IncrementIntent').to.deep.equal([]);
        const seen = samples.map((sample) => normalized(sample, locale));
        expect(
          seen.filter((sample, index) => seen.indexOf(sample) !== index),
          'samples said twice',
        ).to.deep.equal([]);
      });

      it('opens the skill with the first example phrase, and each phrase does in the simulator what it promises', () => {
        const resolver = createUtteranceResolver(model, { locale, skillId: PLACEHOLDER_SKILL_ID });
        const [launch] = published.examplePhrases;
        expect(simulated(resolver, launch), launch).to.equal('launch');
        for (const phrase of published.examplePhrases) {
          const key = phrase.replaceAll(languageModel.invocationName, '{name}');
          expect(ADVERTISED, `what "${key}" does, in ADVERTISED`).to.have.property(key);
          expect(simulated(resolver, phrase), phrase).to.deep.equal(ADVERTISED[key]);
        }
      });
    });
  }
});
