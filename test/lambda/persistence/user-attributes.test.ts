import { expect } from 'chai';
import { parseUserAttributes } from '../../../lambda/src/persistence/user-attributes';

describe('stored user attributes', () => {
  it('a user with nothing stored starts at zero, which is not a repair', () => {
    expect(parseUserAttributes({})).to.deep.equal({ attributes: { counter: 0 }, repaired: false });
  });

  it('keeps a valid counter', () => {
    expect(parseUserAttributes({ counter: 41 })).to.deep.equal({
      attributes: { counter: 41 },
      repaired: false,
    });
  });

  const unusable: Array<[string, unknown]> = [
    ['missing', undefined],
    ['a string', '7'],
    ['negative', -1],
    ['fractional', 2.5],
    ['huge', 1e300],
    ['beyond exact integers', Number.MAX_SAFE_INTEGER + 2],
    ['not a number', NaN],
    ['an object', { value: 3 }],
    ['null', null],
  ];
  for (const [description, counter] of unusable) {
    it(`starts again from zero when the stored counter is ${description}`, () => {
      expect(parseUserAttributes({ counter, other: true })).to.deep.equal({
        attributes: { counter: 0 },
        repaired: true,
      });
    });
  }
});
