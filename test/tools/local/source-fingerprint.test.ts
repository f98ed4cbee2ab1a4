import { expect } from 'chai';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fingerprintOf } from '../../../tools/local/source-fingerprint';

describe('the fingerprint of a source folder', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fingerprint-'));
    mkdirSync(path.join(folder, 'speech'));
    writeFileSync(path.join(folder, 'index.ts'), 'export {};\n');
    writeFileSync(path.join(folder, 'speech', 'en.ts'), "export const hello = 'Hello';\n");
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const file = (name: string) => path.join(folder, name);

  it('stays the same while nothing changes', () => {
    expect(fingerprintOf(folder)).to.equal(fingerprintOf(folder));
  });

  it('changes with an edit of the same length, made in the same millisecond', () => {
    const before = fingerprintOf(folder);
    writeFileSync(file('speech/en.ts'), "export const hello = 'Hallo';\n");
    expect(fingerprintOf(folder)).to.not.equal(before);
  });

  it('changes when a file is added, deleted or renamed, in any subfolder', () => {
    const fingerprints = [fingerprintOf(folder)];
    writeFileSync(file('speech/de.ts'), '');
    fingerprints.push(fingerprintOf(folder));
    renameSync(file('speech/de.ts'), file('speech/fr.ts'));
    fingerprints.push(fingerprintOf(folder));
    unlinkSync(file('speech/fr.ts'));
    fingerprints.push(fingerprintOf(folder));

    expect(new Set(fingerprints.slice(0, 3)).size).to.equal(3);
    expect(fingerprints[3]).to.equal(fingerprints[0]);
  });

  it('is the same for a folder that is not there and for an empty one', () => {
    expect(fingerprintOf(file('missing'))).to.equal(fingerprintOf(mkdtempSync(path.join(folder, 'empty-'))));
  });
});
