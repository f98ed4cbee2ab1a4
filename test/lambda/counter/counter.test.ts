import { expect } from 'chai';
import { addToCount, checkAmount, MAX_COUNT } from '../../../lambda/src/counter/counter';

describe('counter rules', () => {
  describe('checkAmount', () => {
    it('means one when no amount was said', () => {
      expect(checkAmount(undefined)).to.deep.equal({ valid: true, amount: 1 });
      expect(checkAmount('  ')).to.deep.equal({ valid: true, amount: 1 });
    });

    it('accepts whole numbers from 1 to 1000', () => {
      expect(checkAmount('1')).to.deep.equal({ valid: true, amount: 1 });
      expect(checkAmount('1000')).to.deep.equal({ valid: true, amount: 1000 });
      expect(checkAmount(' 42 ')).to.deep.equal({ valid: true, amount: 42 });
    });

    for (const spoken of ['0', '1001', '-1', '2.5', '?', 'five', '1e2', '0x10']) {
      it(`refuses "${spoken}"`, () => {
        expect(checkAmount(spoken)).to.deep.equal({ valid: false });
      });
    }
  });

  describe('addToCount', () => {
    it('adds', () => {
      expect(addToCount(6, 1)).to.equal(7);
    });

    it('stops at the largest exact integer instead of losing precision', () => {
      expect(addToCount(MAX_COUNT - 1, 1000)).to.equal(MAX_COUNT);
    });
  });
});
