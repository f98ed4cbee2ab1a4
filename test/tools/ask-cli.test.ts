import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

describe("the project's ask-cli", () => {
  it('starts (npm overrides keep its antlr4ts dependency on a working release)', () => {
    const run = spawnSync('npx', ['ask', '--version'], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout.trim()).to.equal('2.30.7');
  });
});
