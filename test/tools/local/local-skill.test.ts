import { expect } from 'chai';
import path from 'node:path';
import { startLocalSkill, type LocalSkill } from '../../../tools/local/local-skill';
import type { TypeProblems } from '../../../tools/local/type-check';
import { captureLogs } from '../../support/logs';
import { editableProjectCopy, type ProjectCopy } from '../../support/project-copy';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/responses';

const ENGLISH = 'lambda/src/speech/shared/en.ts';
/** What a new user hears, whatever the skill is called. */
const WELCOME = 'Your saved counter is 0.';

describe('the local skill, reloaded from lambda/src when it changes', function () {
  this.timeout(30_000);
  let project: ProjectCopy;
  let skill: LocalSkill;
  let typeChecks: TypeProblems[];

  beforeEach(async () => {
    project = editableProjectCopy();
    typeChecks = [];
    skill = await startLocalSkill({
      lambdaDir: path.join(project.root, 'lambda'),
      onTypeCheck: (problems) => typeChecks.push(problems),
    });
  });
  afterEach(async () => {
    await skill.stop();
    project.remove();
  });

  const welcome = async () => speechOf(await skill.invoke(launchRequest()));
  const sayWelcomeAs = (text: string) => project.edit(ENGLISH, (source) => source.replace(WELCOME, text));

  it('answers with an edited speech string after a refresh, without a restart', async () => {
    expect(await welcome()).to.include(WELCOME);
    sayWelcomeAs('Howdy from the edited skill.');

    const reload = await skill.refresh();

    expect(reload?.kind).to.equal('reloaded');
    expect(await welcome()).to.include('Howdy from the edited skill.');
  });

  it('rebuilds nothing when nothing changed', async () => {
    expect(await skill.refresh()).to.equal(undefined);
  });

  it('keeps the stored data across a reload: the store is the same, only the code is new', async () => {
    await skill.invoke(intentRequest('IncrementIntent', { amount: '7' }));
    sayWelcomeAs('Welcome again.');
    await skill.refresh();
    expect(await welcome()).to.include('Your saved counter is 7.');
  });

  it('reports a syntax error with its file and line, and the last skill that loaded goes on answering', async () => {
    project.edit(ENGLISH, (source) => source.replace(WELCOME, "Broken.' +"));

    const reload = await skill.refresh();

    expect(reload?.kind).to.equal('failed');
    expect(reload).to.have.property('error').that.includes(`${ENGLISH}:`);
    expect(await welcome()).to.include(WELCOME);
  });

  it('reports an import of a file that is not there, naming it', async () => {
    project.edit('lambda/src/skill.ts', (source) => `import './no-such-module';\n${source}`);

    const reload = await skill.refresh();

    expect(reload).to.deep.include({ kind: 'failed' });
    expect(reload).to.have.property('error').that.includes('Could not resolve "./no-such-module"');
    expect(await welcome()).to.include(WELCOME);
  });

  it('reports a throw while the modules load, with the line of lambda/src it came from', async () => {
    project.edit(
      'lambda/src/counter/counter.ts',
      (source) => `${source}\nthrow new Error('broken at load');\n`,
    );

    const reload = await skill.refresh();

    expect(reload).to.deep.include({ kind: 'failed' });
    expect(reload)
      .to.have.property('error')
      .that.includes('Error: broken at load (thrown while lambda/src loaded)');
    expect(reload)
      .to.have.property('error')
      .that.match(/lambda\/src\/counter\/counter\.ts:\d+/);
    expect(await welcome()).to.include(WELCOME);
  });

  it('tries again after the next change: fixed sources load', async () => {
    project.edit(ENGLISH, (source) => source.replace(WELCOME, "Broken.' +"));
    await skill.refresh();
    project.edit(ENGLISH, (source) => source.replace("Broken.' +", 'Fixed and welcome.'));

    expect(await skill.refresh()).to.deep.include({ kind: 'reloaded' });
    expect(await welcome()).to.include('Fixed and welcome.');
  });

  it('names the line of lambda/src in the logged stack of an error a handler throws', async () => {
    project.edit('lambda/src/handlers/launch.ts', (source) =>
      source.replace(
        'async handle(handlerInput) {',
        "async handle(handlerInput) {\n    throw new Error('a bug');",
      ),
    );
    await skill.refresh();

    const { logs } = await captureLogs(() => skill.invoke(launchRequest()));

    expect(logs).to.match(/Error: a bug\n\s+at .*lambda\/src\/handlers\/launch\.ts:8:\d+/);
  });

  it('reports type errors after a reload as a warning, while the new skill answers', async function () {
    // the first check builds the compiler's view of lambda/src: several seconds on a busy machine
    this.timeout(120_000);
    project.edit(
      'lambda/src/counter/counter.ts',
      (source) => `${source}\nexport const notANumber: number = 'text';\n`,
    );
    expect(await skill.refresh()).to.deep.include({ kind: 'reloaded' });
    expect(await welcome()).to.include(WELCOME);

    while (typeChecks.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));

    expect(typeChecks[0]).to.have.length(1);
    expect(typeChecks[0][0]).to.match(
      /^lambda\/src\/counter\/counter\.ts:\d+:14 - error TS2322: Type 'string' is not assignable to type 'number'\.$/,
    );
  });
});
