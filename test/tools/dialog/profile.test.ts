import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');
const PROFILE = join(ROOT, 'tools', 'dialog', 'profile.ts');

const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['-r', 'ts-node/register', PROFILE, ...args], { cwd: ROOT });
const profile = async (...args: string[]) => JSON.parse((await run(...args)).stdout);
const AMAZON_SAMPLES = join(ROOT, 'test', 'fixtures', 'interaction-models', 'amazon-samples');

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

  it('"add five please" shows amount 5 and names the ignored word, with a hint; --strict matches as written', async () => {
    const tolerant = await profile('add five please');
    expect(tolerant).to.deep.include({ intent: 'IncrementIntent', slots: { amount: { value: '5' } } });
    expect(tolerant.ignoredWords).to.deep.equal(['please']);
    expect(tolerant.hint).to.match(/add a sample/);
    const strict = await profile('--strict', 'add five please');
    expect(strict.slots).to.not.deep.equal({ amount: { value: '5' } });
    expect(strict).to.not.have.property('ignoredWords');
  });

  it('--model takes the locale from a file named <name>.<locale>.json and says which it used', async () => {
    const { stdout, stderr } = await run(
      '--model',
      join(AMAZON_SAMPLES, 'highlow.es-ES.json'),
      'ayuda',
      'es el veintitrés',
    );
    const [help, guess] = JSON.parse(stdout);
    expect(help.intent).to.equal('AMAZON.HelpIntent');
    expect(guess).to.deep.include({ intent: 'NumberGuessIntent', slots: { number: { value: '23' } } });
    expect(stderr).to.include("Locale es-ES, from the model's file name");
  });
});
