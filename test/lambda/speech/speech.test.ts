import { expect } from 'chai';
import { speechFor } from '../../../lambda/src/speech';
import { enUS } from '../../../lambda/src/speech/locales/en-US';

describe('speech by locale', () => {
  it('uses the exact locale', () => {
    expect(speechFor('en-US')).to.equal(enUS);
  });

  it('uses another locale of the same language', () => {
    expect(speechFor('en-GB')).to.equal(enUS);
  });

  it('falls back to en-US for an unknown or missing locale', () => {
    expect(speechFor('fr-FR')).to.equal(enUS);
    expect(speechFor(undefined)).to.equal(enUS);
  });

  it('writes every number as digits', () => {
    expect(enUS.added(21, 1234)).to.equal('Added 21. Your saved counter is 1234.');
    expect(enUS.amountNotAllowed(1, 1000)).to.contain('from 1 to 1000');
  });
});
