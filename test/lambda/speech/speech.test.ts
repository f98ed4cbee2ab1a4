import { expect } from 'chai';
import { Speech, SPEECH_LOCALES, speechFor } from '../../../lambda/src/speech';
import { readInvocationName } from '../../../tools/project/skill-package';
import { titleCase } from '../../../tools/rename/rename';
import { PROJECT_ROOT } from '../../support/project-copy';
import { skillNames } from '../../support/skill-manifest';

type Sentence = keyof Speech;

/** What each sentence says for sample numbers: the numbers it takes, and the text. */
function allSentences(speech: Speech): [Sentence, string, number[]][] {
  return (Object.keys(speechFor('en-US')) as Sentence[]).map((sentence) => {
    const value = speech[sentence] as unknown;
    if (typeof value === 'string') return [sentence, value, []];
    if (typeof value !== 'function') throw new Error(`${sentence} is neither text nor a function`);
    const numbers = [1234, 987].slice(0, value.length);
    return [sentence, value(...numbers) as string, numbers];
  });
}

const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/u;
const names = skillNames();
/** The locale ask-cli's `ask new` names the skill in (its Manifest.setSkillName): en-US, else the first. */
const ASK_NEW_RENAMES = 'en-US' in names ? 'en-US' : Object.keys(names)[0];

describe('speech by locale', () => {
  it('answers each locale of the skill with speech of its own', () => {
    expect([...SPEECH_LOCALES].sort()).to.deep.equal(Object.keys(names).sort());
    const english = speechFor('en-US');
    for (const locale of SPEECH_LOCALES.filter((known) => !known.startsWith('en-'))) {
      expect(speechFor(locale), locale).to.not.equal(english);
      expect(speechFor(locale).welcome(0), locale).to.contain(names[locale]);
    }
  });

  it('gives an unknown country of a known language that language', () => {
    expect(speechFor('de-AT')).to.equal(speechFor('de-DE'));
    expect(speechFor('fr-BE')).to.equal(speechFor('fr-FR'));
    expect(speechFor('es-AR')).to.equal(speechFor('es-ES'));
    expect(speechFor('pt-PT')).to.equal(speechFor('pt-BR'));
    expect(speechFor('en-NZ')).to.equal(speechFor('en-US'));
  });

  it('gives an unknown or missing language English', () => {
    for (const locale of ['sv-SE', 'pl-PL', 'xx', '', undefined]) {
      expect(speechFor(locale), String(locale)).to.equal(speechFor('en-US'));
    }
  });

  it('keeps one English: the US, UK, Canada, Australia and India hear the same words', () => {
    for (const locale of ['en-GB', 'en-CA', 'en-AU', 'en-IN']) {
      expect(speechFor(locale), locale).to.equal(speechFor('en-US'));
    }
  });

  for (const locale of SPEECH_LOCALES) {
    describe(locale, () => {
      const speech = speechFor(locale);

      it('says every sentence, with numbers as ASCII digits and nothing that would break the SSML', () => {
        for (const [sentence, text, numbers] of allSentences(speech)) {
          expect(text.trim(), sentence).to.not.equal('');
          for (const number of numbers) expect(text, sentence).to.contain(String(number));
          expect(text, sentence).to.not.match(NON_ASCII_DIGIT);
          expect(text, sentence).to.not.match(/[<>&]/);
        }
        expect(speech.reset, 'reset').to.contain('0');
        expect(speech.help, 'help').to.contain('1000');
        expect(speech.amountNotAllowed(1, 1000)).to.contain('5');
      });

      it('says the skill name exactly as skill.json does', () => {
        // `ask new` renames the skill in skill.json for one locale only; until `npm run rename`, the speech
        // there still says the template's name, which the invocation name spells in lower case.
        const accepted =
          locale === ASK_NEW_RENAMES
            ? [names[locale], titleCase(readInvocationName(locale, PROJECT_ROOT))]
            : [names[locale]];
        expect(
          accepted.some((name) => speech.welcome(0).includes(name)),
          `${speech.welcome(0)} names ${accepted.join(' or ')}`,
        ).to.equal(true);
      });

      if (!locale.startsWith('en-')) {
        it('translates every sentence', () => {
          const english = allSentences(speechFor('en-US'));
          allSentences(speech).forEach(([sentence, text], index) =>
            expect(text, sentence).to.not.equal(english[index][1]),
          );
        });
      }
    });
  }
});
