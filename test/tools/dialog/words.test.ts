import { expect } from 'chai';
import { phraseKey, spokenOf, toWords } from '../../../tools/dialog/words';

const keys = (text: string) => toWords(text).map((word) => word.key);

describe('words: what a word is, per script', () => {
  it('a Devanagari word keeps its vowel signs: "तेईस जोड़ो" is two words', () => {
    expect(keys('तेईस जोड़ो')).to.deep.equal(['तेईस', 'जोडो']);
    expect(toWords('तेईस जोड़ो').map((word) => word.spoken)).to.deep.equal(['तेईस', 'जोड़ो']);
  });

  it('the nukta and chandrabindu fold, so both spellings of a Hindi word match', () => {
    expect(phraseKey('हज़ार')).to.equal(phraseKey('हजार'));
    expect(phraseKey('पाँच')).to.equal(phraseKey('पांच'));
  });

  it('Japanese voiced kana stay voiced: が is not か', () => {
    expect(keys('が')).to.deep.equal(['が']);
    expect(phraseKey('がんばって')).to.not.equal(phraseKey('かんはって'));
  });

  it('Japanese is one word per kana or kanji, so spaces make no difference', () => {
    expect(phraseKey('二十三を足して')).to.equal(phraseKey('二十三 を 足して'));
    expect(keys('５を足して')).to.deep.equal(['5', 'を', '足', 'し', 'て']);
    expect(spokenOf(toWords('小さい 犬'))).to.equal('小さい 犬');
  });

  it('Latin accents fold: "crème brûlée" matches "creme brulee"', () => {
    expect(phraseKey('Crème Brûlée')).to.equal('creme brulee');
  });

  it('Arabic short vowels and the forms of alef fold', () => {
    expect(phraseKey('أَضِفْ')).to.equal(phraseKey('اضف'));
    expect(phraseKey('ثلاثة')).to.equal(phraseKey('ثلاثه'));
  });

  it('digits of every script read as ASCII digits; "-1" keeps its sign; "1,000" is one number', () => {
    expect(keys('٢٣ २३ ２３')).to.deep.equal(['23', '23', '23']);
    expect(keys('add -1')).to.deep.equal(['add', '-1']);
    expect(keys('add −7')).to.deep.equal(['add', '-7']);
    expect(keys('twenty-one')).to.deep.equal(['twenty', 'one']);
    expect(keys('add 1,000')).to.deep.equal(['add', '1000']);
  });
});
