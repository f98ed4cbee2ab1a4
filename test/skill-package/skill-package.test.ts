import { expect } from 'chai';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { HANDLED_INTENTS } from '../../lambda/src/intents';
import { readInteractionModel, type ModelIntent } from '../../tools/dialog/interaction-model';
import { interactionModelPath } from '../../tools/dialog/project';
import { PROJECT_ROOT, readSkillManifest } from '../support/skill-manifest';

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

/** True when `phrase` ends with `sample`, its slot standing for one or more words. */
function endsWithSample(phrase: string, sample: string, locale: string): boolean {
  const [before, after] = normalized(sample, locale)
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = after === undefined ? before : `${before}.+${after}`;
  const boundary = locale === 'ja-JP' ? '' : '(?:^| )';
  return new RegExp(`${boundary}${pattern}$`, 'u').test(normalized(phrase, locale));
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
      const languageModel = readInteractionModel(interactionModelPath(locale)).interactionModel.languageModel;
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

      it('opens the skill by its invocation name in the first example phrase; the others end in a real sample', () => {
        const [launch, ...requests] = published.examplePhrases;
        const invocationName = normalized(languageModel.invocationName, locale);
        expect(normalized(launch, locale)).to.contain(invocationName);
        for (const phrase of requests) {
          expect(
            samples.some((sample) => endsWithSample(phrase, sample, locale)),
            phrase,
          ).to.equal(true);
          if (/^(alexa|アレクサ|اليكسا)/i.test(phrase))
            expect(normalized(phrase, locale)).to.contain(invocationName);
        }
      });
    });
  }
});
