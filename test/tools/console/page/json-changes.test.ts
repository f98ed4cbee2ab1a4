import { expect } from 'chai';
import { changesBetween } from '../../../../tools/console/page/json-changes';

describe('what changed in a stored item, for the page to highlight', () => {
  const item = {
    id: 'amzn1.ask.account.a',
    attributes: { counter: 21, name: 'Ann' },
    version: 1,
    writes: ['x'],
  };

  it('names the values that changed, with what they were', () => {
    const changes = changesBetween(item, {
      ...item,
      attributes: { counter: 26, name: 'Ann' },
      version: 2,
      writes: ['y', 'x'],
    });

    expect([...changes.changed]).to.deep.equal([
      ['attributes.counter', { was: 21 }],
      ['version', { was: 1 }],
      ['writes', { was: ['x'] }],
    ]);
    expect(changes.removed).to.deep.equal([]);
  });

  it('marks keys that are new, and lists those that are gone', () => {
    const changes = changesBetween(item, { ...item, attributes: { counter: 21, colour: 'red' } });

    expect([...changes.changed]).to.deep.equal([['attributes.colour', { was: undefined }]]);
    expect(changes.removed).to.deep.equal([{ path: 'attributes.name', was: 'Ann' }]);
  });

  it('finds nothing between equal items', () => {
    const changes = changesBetween(item, structuredClone(item));
    expect(changes.changed.size).to.equal(0);
    expect(changes.removed).to.have.length(0);
  });

  it('marks every key of an item that did not exist before as new', () => {
    expect([...changesBetween({}, item).changed.keys()]).to.deep.equal([
      'id',
      'attributes',
      'version',
      'writes',
    ]);
  });
});
