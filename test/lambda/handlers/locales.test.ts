import { expect } from 'chai';
import { speechFor } from '../../../lambda/src/speech';
import { intentRequest, launchRequest } from '../../support/requests';
import { expectSessionOpen, expectValidResponse, speechOf } from '../../support/responses';
import { useSkillWithEmbeddedDynamoDb } from '../../support/local-skill';
import { skillNames } from '../../support/skill-manifest';

const names = skillNames();
const locales = Object.keys(names);
const languageOf = (locale: string) => locale.split('-')[0];

// Every case reads the locales and names from skill.json, so the tests follow a skill that drops or renames locales.
describe('the skill in every language', () => {
  const t = useSkillWithEmbeddedDynamoDb();
  const as = (userId: string, locale: string) => ({ userId, locale });

  for (const locale of locales) {
    it(`${locale}: a new user hears zero and the skill's name, then counts, answers and resets in that language`, async () => {
      const speech = speechFor(locale);
      const say = async (request: Parameters<typeof t.skill.invoke>[0]) => {
        const response = await t.skill.invoke(request);
        expectValidResponse(response);
        return speechOf(response);
      };
      const launch = await t.skill.invoke(launchRequest(as('new', locale)));
      expectSessionOpen(launch);
      expect(speechOf(launch)).to.equal(speech.welcome(0));
      expect(speechOf(launch)).to.contain(names[locale]).and.to.contain('0');
      if (languageOf(locale) !== 'en') expect(speechOf(launch)).to.not.equal(speechFor('en-US').welcome(0));

      expect(await say(intentRequest('HelloWorldIntent', {}, as('new', locale)))).to.equal(speech.hello(1));
      const added = await say(intentRequest('IncrementIntent', { amount: '21' }, as('new', locale)));
      expect(added).to.equal(speech.added(21, 22));
      expect(added, 'numbers as ASCII digits')
        .to.contain('22')
        .and.not.match(/(?![0-9])\p{Nd}/u);
      expect(await say(intentRequest('IncrementIntent', { amount: '0' }, as('new', locale)))).to.equal(
        speech.amountNotAllowed(1, 1000),
      );
      expect(await say(intentRequest('GetCountIntent', {}, as('new', locale)))).to.equal(
        speech.currentCount(22),
      );
      expect(await t.readItem('new')).to.deep.include({ attributes: { counter: 22 } });

      expect(await say(intentRequest('ResetCountIntent', {}, as('new', locale)))).to.equal(speech.reset);
      expect(await t.readItem('new')).to.equal(undefined);
      expect(await say(intentRequest('AMAZON.StopIntent', {}, as('new', locale)))).to.equal(
        speech.goodbye(0),
      );
      expect(await say(intentRequest('AMAZON.HelpIntent', {}, as('new', locale)))).to.equal(speech.help);
      expect(await say(intentRequest('AMAZON.FallbackIntent', {}, as('new', locale)))).to.equal(
        speech.fallback,
      );
    });
  }

  it('keeps one count per user, whatever language they speak', async () => {
    const first = locales[0];
    const other = locales.find((locale) => languageOf(locale) !== languageOf(first)) ?? first;
    await t.skill.invoke(intentRequest('IncrementIntent', { amount: '3' }, as('polyglot', first)));
    await t.skill.invoke(intentRequest('HelloWorldIntent', {}, as('polyglot', other)));
    const response = await t.skill.invoke(intentRequest('GetCountIntent', {}, as('polyglot', other)));
    expect(speechOf(response)).to.equal(speechFor(other).currentCount(4));
  });

  it('answers a country it does not list in that language, and a language it does not speak in English', async () => {
    for (const language of new Set(locales.map(languageOf))) {
      const elsewhere = `${language}-ZZ`;
      const response = await t.skill.invoke(launchRequest(as('traveller', elsewhere)));
      const sameLanguage = locales.filter((locale) => languageOf(locale) === language);
      expect(
        sameLanguage.map((locale) => speechFor(locale).welcome(0)),
        elsewhere,
      ).to.include(speechOf(response));
    }
    const swedish = await t.skill.invoke(launchRequest(as('stockholm', 'sv-SE')));
    expect(speechOf(swedish)).to.equal(speechFor('en-US').welcome(0));
  });
});
