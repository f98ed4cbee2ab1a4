import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirInUseError } from '../../../tools/local/embedded-dynamodb';
import { startLocalSkill } from '../../../tools/local/local-skill';
import { describeOnEachEngine } from '../../support/engines';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/responses';

describeOnEachEngine('the embedded DynamoDB for local runs', (engine) => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'local-dynamodb-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the count on disk across a restart', async function () {
    this.timeout(60_000);
    const first = await startLocalSkill({ engine, dataDir });
    expect(speechOf(await first.invoke(intentRequest('IncrementIntent', { amount: '33' })))).to.contain(
      'is 33.',
    );
    await first.stop();
    const second = await startLocalSkill({ engine, dataDir });
    const response = await second.invoke(launchRequest());
    await second.stop();
    expect(speechOf(response)).to.contain('Your saved counter is 33.');
  });

  it('starts empty in memory each time without a folder', async function () {
    this.timeout(60_000);
    const first = await startLocalSkill({ engine });
    await first.invoke(intentRequest('HelloWorldIntent'));
    await first.stop();
    const second = await startLocalSkill({ engine });
    const response = await second.invoke(launchRequest());
    await second.stop();
    expect(speechOf(response)).to.contain('Your saved counter is 0.');
  });

  it('gives a second process on the same folder a clear message instead of a crash', async function () {
    this.timeout(60_000);
    const holder = await startLocalSkill({ engine, dataDir });
    try {
      const script = `
        const { startLocalSkill } = require('./tools/local/local-skill');
        startLocalSkill({ engine: process.argv[2], dataDir: process.argv[1] }).then(
          () => { console.log('started'); process.exit(0); },
          (error) => { console.log(error.name + ': ' + error.message); process.exit(3); });`;
      const child = spawn(process.execPath, ['-r', 'ts-node/register', '-e', script, dataDir, engine], {
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
