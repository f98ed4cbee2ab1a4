import { expect } from 'chai';
import { localeInFileName } from '../../../tools/dialog/interaction-model';

describe('interaction model files: the locale in a file name', () => {
  it('reads it from <locale>.json and <name>.<locale>.json, in any folder', () => {
    expect(localeInFileName('de-DE.json')).to.equal('de-DE');
    expect(localeInFileName('models/highlow.de-DE.json')).to.equal('de-DE');
    expect(localeInFileName('a.b.ja-JP.json')).to.equal('ja-JP');
  });

  it('finds none in a name whose last part before .json is not a language and a country', () => {
    for (const name of [
      'model.json',
      'en-us.json',
      'EN-US.json',
      'xen-US.json',
      'en-USA.json',
      'en_US.json',
    ]) {
      expect(localeInFileName(name), name).to.equal(undefined);
    }
  });

  it('finds none in a file that is not .json, or a locale that is not the last part', () => {
    for (const name of ['en-US', 'en-US.txt', 'en-US.json.bak', 'en-US.model.json', 'en-US/model.json']) {
      expect(localeInFileName(name), name).to.equal(undefined);
    }
  });
});
