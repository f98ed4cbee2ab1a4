import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');
const PROFILE = join(ROOT, 'tools', 'dialog', 'profile.ts');

const profile = async (...args: string[]) => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register', PROFILE, ...args],
    { cwd: ROOT },
  );
  return JSON.parse(stdout);
};

describe('npm run profile (the utterance profiler)', function () {
  this.timeout(30_000);

  it("prints the intent and slots an utterance resolves to on the skill's model", async () => {
    expect(await profile('add twenty one')).to.deep.equal({
      utterance: 'add twenty one',
      request: 'IntentRequest',
      newSession: false,
      intent: 'IncrementIntent',
      slots: { amount: { value: '21' } },
      matchedSample: 'add {amount}',
    });
  });

  it('profiles any model with --model, with entity resolution, one result per utterance', async () => {
    const model = join(ROOT, 'test', 'fixtures', 'interaction-models', 'kitchen-helper.en-US.json');
    const [recipe, launch] = await profile('--model', model, 'recipe for flapjacks', 'open kitchen helper');
    expect(recipe.intent).to.equal('RecipeIntent');
    expect(recipe.slots.dish.value).to.equal('flapjacks');
    expect(recipe.slots.dish.resolutions.resolutionsPerAuthority[0].values).to.deep.equal([
      { value: { name: 'pancakes', id: 'PANCAKES' } },
    ]);
    expect(launch).to.deep.equal({
      utterance: 'open kitchen helper',
      request: 'LaunchRequest',
      newSession: true,
    });
  });
});
