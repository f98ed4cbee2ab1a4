import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirInUseError } from '../../../tools/local/embedded-dynamodb';
import { startLocalSkill } from '../../../tools/local/local-skill';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/responses';

describe('the embedded DynamoDB for local runs', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'local-dynamodb-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the count on disk across a restart', async () => {
    const first = await startLocalSkill({ dataDir });
    expect(speechOf(await first.invoke(intentRequest('IncrementIntent', { amount: '33' })))).to.contain(
      'is 33.',
    );
    await first.stop();
    const second = await startLocalSkill({ dataDir });
    const response = await second.invoke(launchRequest());
    await second.stop();
    expect(speechOf(response)).to.contain('Your saved counter is 33.');
  });

  it('starts empty in memory each time without a folder', async () => {
    const first = await startLocalSkill();
    await first.invoke(intentRequest('HelloWorldIntent'));
    await first.stop();
    const second = await startLocalSkill();
    const response = await second.invoke(launchRequest());
    await second.stop();
    expect(speechOf(response)).to.contain('Your saved counter is 0.');
  });

  it('gives a second process on the same folder a clear message instead of a crash', async function () {
    this.timeout(20_000);
    const holder = await startLocalSkill({ dataDir });
    try {
      const script = `
        const { startLocalSkill } = require('./tools/local/local-skill');
        startLocalSkill({ dataDir: process.argv[1] }).then(
          () => { console.log('started'); process.exit(0); },
          (error) => { console.log(error.name + ': ' + error.message); process.exit(3); });`;
      const child = spawn(process.execPath, ['-r', 'ts-node/register', '-e', script, dataDir], {
        cwd: path.resolve(__dirname, '../../..'),
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect(code).to.equal(3);
      expect(output).to.contain(new DataDirInUseError(dataDir).message);
    } finally {
      await holder.stop();
    }
  });
});
