import { readInteractionModel } from '../../../tools/dialog/interaction-model';
import { createConversation, type Skill } from '../../../tools/dialog/conversation';
import { createDialogRunner, runInputs } from '../../../tools/dialog/dialog-runner';
import type { ReplayFile } from '../../../tools/dialog/ask-cli-files';
import { interactionModelPath } from '../../../tools/dialog/project';
import { withSkillLogsTo } from '../../../tools/dialog/skill-logs';

export interface ReplayRun {
  /** What `npm start -- --replay` prints after its banner, without colour. */
  transcript: string;
  problemCount: number;
}

/** Replays a file against a skill the way the CLI does, with the project's interaction model. */
export async function replay(skill: Skill, file: ReplayFile): Promise<ReplayRun> {
  const lines: string[] = [];
  const runner = createDialogRunner({
    conversation: createConversation({
      skill: withSkillLogsTo(skill, () => undefined),
      model: readInteractionModel(interactionModelPath(file.locale)),
      caller: {
        skillId: file.skillId,
        locale: file.locale,
        userId: 'amzn1.ask.account.test',
        deviceId: 'amzn1.ask.device.test',
      },
    }),
    output: { line: (text) => lines.push(text), error: (text) => lines.push(text) },
    replayTarget: file,
    colour: false,
  });
  await runInputs(runner, file.userInput);
  return { transcript: `${lines.join('\n')}\n`, problemCount: runner.problemCount };
}
