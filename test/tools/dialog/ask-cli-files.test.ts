import { expect } from 'chai';
import { DialogCommand } from 'ask-cli/dist/lib/commands/dialog';
import optionModel from 'ask-cli/dist/lib/commands/option-model.json';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReplayFile, writeSkillIoFile } from '../../../tools/dialog/ask-cli-files';
import { launchRequest, newSession, requestEnvelope } from '../../../tools/dialog/request-envelopes';

describe("ask-cli's files", () => {
  let workDir: string;
  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'ask-cli-files-'));
  });
  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  const fileWith = (content: unknown) => {
    const path = join(workDir, 'replay.json');
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const askCliReading = (path: string) => () =>
    new DialogCommand(undefined, optionModel)._resolvedArguments({ replay: path }, 'default');
  const ourReading = (path: string) => () => readReplayFile(path);

  it('a replay file reads as ask-cli reads it: inputs trimmed', () => {
    const path = fileWith({
      skillId: 'amzn1.ask.skill.x',
      locale: 'en-GB',
      type: 'text',
      userInput: [' open pub quiz ', '.quit'],
    });
    expect(readReplayFile(path)).to.deep.equal({
      skillId: 'amzn1.ask.skill.x',
      locale: 'en-GB',
      type: 'text',
      userInput: ['open pub quiz', '.quit'],
    });
    expect(askCliReading(path)().userInputs).to.deep.equal(['open pub quiz', '.quit']);
  });

  const refused: [string, unknown, string][] = [
    ['without skillId', { locale: 'en-US', userInput: ['hi'] }, 'Replay file must contain skillId'],
    [
      'with a blank locale',
      { skillId: 'amzn1.ask.skill.x', locale: ' ', userInput: ['hi'] },
      'Replay file must contain locale',
    ],
    [
      'with a blank input',
      { skillId: 'amzn1.ask.skill.x', locale: 'en-US', userInput: ['hi', '  '] },
      "Replay file's userInput cannot contain empty string.",
    ],
  ];
  for (const [what, content, message] of refused) {
    it(`a replay file ${what} is refused with ask-cli's message`, () => {
      const path = fileWith(content);
      expect(askCliReading(path)).to.throw(message);
      expect(ourReading(path)).to.throw(message);
    });
  }

  it('a replay file that is not JSON is refused, naming the file', () => {
    const path = fileWith('{ "skillId": ');
    expect(ourReading(path)).to.throw(`Failed to parse file: ${path}.`);
  });

  it('a replay file of JSON that is no object (null, a list) is refused in words, not with a TypeError', () => {
    for (const content of ['null', '[]', '"text"']) {
      expect(ourReading(fileWith(content))).to.throw(
        `Failed to parse file: ${join(workDir, 'replay.json')}.\nIt is not a JSON object.`,
      );
    }
  });

  it('--save-skill-io writes {invocations: [{request, response: {body}}]}, and the error when the skill threw', () => {
    const path = join(workDir, 'skill-io.json');
    const caller = { skillId: 'amzn1.ask.skill.x', userId: 'u', deviceId: 'd', locale: 'en-US' };
    const request = requestEnvelope(caller, newSession(), launchRequest('en-US'));
    const body = { version: '1.0', response: {} };
    writeSkillIoFile(path, [
      { request, response: body },
      { request, error: 'Error: boom' },
    ]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).to.deep.equal({
      invocations: [
        { request, response: { body } },
        { request, response: { error: 'Error: boom' } },
      ],
    });
  });

  it('writes into an existing folder only, and says why it could not write, naming the file', () => {
    const notAFolder = fileWith('{}');
    const cases: [path: string, reason: string][] = [
      [join(workDir, 'no', 'such', 'folder', 'skill-io.json'), 'its folder does not exist'],
      [join(notAFolder, 'skill-io.json'), 'part of its path is a file, not a folder'],
      [workDir, 'it is a folder'],
    ];
    for (const [path, reason] of cases) {
      expect(() => writeSkillIoFile(path, [])).to.throw(`Cannot write ${path}: ${reason}.`);
    }
    expect(existsSync(join(workDir, 'no'))).to.equal(false);
  });
});
