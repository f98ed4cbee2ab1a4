import { expect } from 'chai';
import { DialogCommand } from 'ask-cli/dist/lib/commands/dialog';
import optionModel from 'ask-cli/dist/lib/commands/option-model.json';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { styleText } from 'node:util';
import { createConversation, type Skill } from '../../../tools/dialog/conversation';
import { createDialogRunner, runInputs } from '../../../tools/dialog/dialog-runner';
import { readInteractionModel } from '../../../tools/dialog/interaction-model';
import { interactionModelPath, PLACEHOLDER_SKILL_ID } from '../../../tools/dialog/project';
import { withSkillLogsTo } from '../../../tools/dialog/skill-logs';
import { startLocalSkill, type LocalSkill } from '../../../tools/local/local-skill';
import { INVOCATION } from '../../support/skill-names';

describe('the dialog loop (what npm start prints, .record and .quit)', () => {
  let skill: LocalSkill;
  let workDir: string;
  let out: string[];
  let errors: string[];

  beforeEach(async () => {
    skill = await startLocalSkill({});
    workDir = mkdtempSync(join(tmpdir(), 'dialog-runner-'));
    out = [];
    errors = [];
  });
  afterEach(async () => {
    await skill.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  const runnerFor = (target: Skill, options: { colour?: boolean } = {}) =>
    createDialogRunner({
      conversation: createConversation({
        skill: withSkillLogsTo(target, () => undefined),
        model: readInteractionModel(interactionModelPath('en-US')),
        caller: { skillId: PLACEHOLDER_SKILL_ID, locale: 'en-US', userId: 'u', deviceId: 'd' },
      }),
      output: { line: (text) => out.push(text), error: (text) => errors.push(text) },
      replayTarget: { skillId: PLACEHOLDER_SKILL_ID, locale: 'en-US' },
      colour: options.colour ?? false,
    });

  it('prints "User  > " and "Alexa > " lines, and "Session ended" before the answer that ended it, as ask-cli does', async () => {
    await runInputs(runnerFor(skill), [`open ${INVOCATION}`, 'stop']);
    expect(out).to.have.length(5);
    expect(out[0]).to.equal(`User  > open ${INVOCATION}`);
    expect(out[1]).to.match(/^Alexa > .*counter is 0\b/);
    expect(out.slice(2, 4)).to.deep.equal(['User  > stop', 'Session ended']);
    expect(out[4]).to.match(/^Alexa > Goodbye/);
  });

  it('does not echo what a terminal already shows, and colours only when asked', async () => {
    await runnerFor(skill).handle(`open ${INVOCATION}`, { typedAtTerminal: true });
    await runnerFor(skill, { colour: true }).handle(`open ${INVOCATION}`, { typedAtTerminal: true });
    expect(out).to.have.length(2);
    expect(out[0]).to.match(/^Alexa > /);
    expect(out[1].startsWith(styleText(['yellow', 'bold'], 'Alexa > '))).to.equal(true);
  });

  it('stops at .quit, whatever follows', async () => {
    const outcome = await runInputs(runnerFor(skill), [`open ${INVOCATION}`, '.quit', 'add five']);
    expect(outcome).to.equal('quit');
    expect(out.at(-1)).to.equal('User  > .quit');
  });

  it('.record saves everything said so far, across sessions, as a replay file ask-cli accepts', async () => {
    const path = join(workDir, 'recorded.json');
    const runner = runnerFor(skill);
    await runInputs(runner, [`open ${INVOCATION}`, 'add five', 'exit', `ask ${INVOCATION} to add one`]);
    await runner.handle(`.record ${path} --append-quit`);

    expect(out.at(-1)).to.equal(`Created replay file at ${path} (appended ".quit" to list of utterances).`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).to.deep.equal({
      skillId: PLACEHOLDER_SKILL_ID,
      locale: 'en-US',
      type: 'text',
      userInput: [`open ${INVOCATION}`, 'add five', 'exit', `ask ${INVOCATION} to add one`, '.quit'],
    });
    const askCli = new DialogCommand(undefined, optionModel)._resolvedArguments({ replay: path }, 'default');
    expect(askCli.userInputs).to.have.length(5);
  });

  it('.record without a file name, or with an unknown flag, only warns', async () => {
    const runner = runnerFor(skill);
    await runner.handle('.record');
    await runner.handle(`.record ${join(workDir, 'x.json')} --append-exit`);
    expect(errors).to.have.length(2);
    expect(errors[0]).to.include('Incorrect format');
  });

  it('an unknown command is not sent to the skill', async () => {
    const runner = runnerFor(skill);
    await runner.handle('.save');
    expect(runner.exchanges).to.deep.equal([]);
    expect(errors[0]).to.include('Unknown command .save');
  });

  it('counts the turns where the skill failed (the exit status of npm start)', async () => {
    const broken: Skill = {
      invoke: async () => {
        throw new TypeError('Cannot read properties of undefined');
      },
    };
    const runner = runnerFor(broken);
    await runInputs(runner, [`open ${INVOCATION}`, `ask ${INVOCATION} to add one`]);
    expect(runner.problemCount).to.equal(2);
    expect(errors[0]).to.match(
      /^\[Error\]: the skill threw on LaunchRequest: TypeError: Cannot read properties/,
    );
    expect(runner.exchanges).to.have.length(2);
  });
});
