import { expect } from 'chai';
import { numberFromWords } from '../../../tools/dialog/number-words';

const number = (text: string) => numberFromWords(text.split(' '));

describe('AMAZON.NUMBER reads numbers as Alexa hears them', () => {
  const spoken: [string, number][] = [
    ['5', 5],
    ['1000', 1000],
    ['zero', 0],
    ['five', 5],
    ['twelve', 12],
    ['twenty', 20],
    ['twenty one', 21],
    ['ninety nine', 99],
    ['hundred', 100],
    ['a hundred', 100],
    ['one hundred and five', 105],
    ['one hundred five', 105],
    ['two hundred and forty two', 242],
    ['a thousand', 1000],
    ['one thousand and one', 1001],
    ['two thousand twenty six', 2026],
    ['three million four hundred thousand', 3_400_000],
    ['minus seven', -7],
    ['negative twenty', -20],
  ];
  for (const [words, expected] of spoken) {
    it(`"${words}" is ${expected}`, () => expect(number(words)).to.equal(expected));
  }

  const notNumbers = [
    'some',
    'a',
    'and',
    'five and',
    'and five',
    'one two',
    'twenty thirty',
    'five twenty',
    'eleven five',
    'hundred hundred',
    'thousand million',
    'twenty hundred',
    'five apples',
    'a five',
  ];
  for (const words of notNumbers) {
    it(`"${words}" is not a number`, () => expect(number(words)).to.equal(undefined));
  }
});
