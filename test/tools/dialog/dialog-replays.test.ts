import { expect } from 'chai';
import { DialogCommand } from 'ask-cli/dist/lib/commands/dialog';
import optionModel from 'ask-cli/dist/lib/commands/option-model.json';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalSkill } from '../../../tools/local/local-skill';
import { readReplayFile } from '../../../tools/dialog/ask-cli-files';
import { replay } from './replay-support';

/**
 * The dialog tests: each replay file in test/dialogs runs against the skill on a fresh in-memory store, and
 * what Alexa says must match the transcript next to it. After an intended change in what the skill says,
 * `UPDATE_TRANSCRIPTS=1 npm test` rewrites the transcripts; review them with git diff.
 */
const DIALOGS = join(__dirname, '..', '..', 'dialogs');
const replayFiles = readdirSync(DIALOGS).filter((name) => name.endsWith('.json'));

describe('dialog replays in test/dialogs', () => {
  for (const name of replayFiles) {
    const path = join(DIALOGS, name);
    const transcriptPath = path.replace(/\.json$/, '.txt');

    describe(name, () => {
      it("is a replay file ask-cli's own reader accepts, with the same inputs", () => {
        const askCli = new DialogCommand(undefined, optionModel)._resolvedArguments(
          { replay: path },
          'default',
        );
        const ours = readReplayFile(path);
        expect(askCli).to.deep.equal({
          skillId: ours.skillId,
          locale: ours.locale,
          userInputs: ours.userInput,
        });
      });

      it(`says what ${name.replace(/\.json$/, '.txt')} expects, and the skill never fails`, async () => {
        const skill = await startLocalSkill({});
        try {
          const { transcript, problemCount } = await replay(skill, readReplayFile(path));
          if (process.env.UPDATE_TRANSCRIPTS) writeFileSync(transcriptPath, transcript);
          expect(
            existsSync(transcriptPath),
            `${transcriptPath} exists (UPDATE_TRANSCRIPTS=1 writes it)`,
          ).to.equal(true);
          expect(transcript).to.equal(readFileSync(transcriptPath, 'utf8'));
          expect(problemCount).to.equal(0);
        } finally {
          await skill.stop();
        }
      });
    });
  }
});
