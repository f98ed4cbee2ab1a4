import { expect } from 'chai';
import { toleranceHint } from '../../../tools/dialog/tolerance-hint';

describe('the tolerance hint, as npm start and the console word it', () => {
  it('quotes each ignored word as typed and asks for a sample', () => {
    expect(toleranceHint(['please', 'can you'])).to.equal(
      'ignored "please", "can you" to match a sample; add a sample if that phrasing matters',
    );
  });
});
