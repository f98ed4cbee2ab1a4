/**
 * `npm start`: `ask dialog` on this machine. Talks to the skill from lambda/src through the skill's own
 * interaction model, with the embedded DynamoDB, and reads and writes ask-cli's replay and skill-io files.
 */
// first, to know who started us before anything else takes time
import { onStopRequest } from '../cli/stop-requests';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { styleText } from 'node:util';
import { asUsageError, parseOptions, reportFailure, UsageError } from '../cli/command-line';
import { startLocalSkill } from '../local/local-skill';
import { LocalStoreError } from '../local/store-errors';
import {
  chooseStore,
  describeStore,
  STORE_OPTIONS,
  STORE_USAGE,
  type StoreChoice,
} from '../local/store-options';
import { readReplayFile, writeSkillIoFile, type ReplayFile } from './ask-cli-files';
import { createConversation } from './conversation';
import { createDialogRunner, runInputs, USER_PROMPT, type DialogRunner } from './dialog-runner';
import { readInteractionModel } from './interaction-model';
import { interactionModelPath, readLocales, readSkillId } from './project';
import { requireLanguage } from './utterance-resolver';
import { withSkillLogsTo } from './skill-logs';

const USAGE = `Usage: npm start -- [options]
  --replay, -r FILE      run an ask-cli replay file ({skillId, locale, type: "text", userInput: [...]})
  --save-skill-io FILE   write every request envelope and response, in ask-cli's --save-skill-io shape
  --locale, -l LOCALE    the model and locale to use (default: the first locale of skill-package/skill.json)
${STORE_USAGE}
  --user-id ID           act as another user (default: local-user); their count is their own
  --device-id ID         act from another device of the same user (default: local-device)
  --strict               match samples as written: no filler word ("please", "um") is ignored
Exit status: 0, or 1 when the skill threw or gave an invalid response, or 2 when the dialog could not start.`;

const SYNOPSIS = 'Usage: npm start -- [options]; npm start -- --help lists them.';

interface Options {
  replay?: string;
  saveSkillIo?: string;
  locale?: string;
  store: StoreChoice;
  userId: string;
  deviceId: string;
  strict: boolean;
}

function readOptions(args: string[]): Options | 'help' {
  const { values } = parseOptions({
    args,
    options: {
      replay: { type: 'string', short: 'r' },
      'save-skill-io': { type: 'string' },
      locale: { type: 'string', short: 'l' },
      ...STORE_OPTIONS,
      'user-id': { type: 'string' },
      'device-id': { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    usage: SYNOPSIS,
  });
  if (values.help) return 'help';
  if (values['save-skill-io']) expectFolderOf(values['save-skill-io']);
  return {
    replay: values.replay,
    saveSkillIo: values['save-skill-io'],
    locale: values.locale,
    store: asUsageError(() => chooseStore(values)),
    userId: alexaId('amzn1.ask.account.', values['user-id'] ?? 'local-user'),
    deviceId: alexaId('amzn1.ask.device.', values['device-id'] ?? 'local-device'),
    strict: values.strict ?? false,
  };
}

/** Checked before the dialog, so that its end does not fail on a typo. */
function expectFolderOf(file: string): void {
  const folder = dirname(file);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--save-skill-io: there is no folder ${folder} to write ${file} in.`);
}

/** "alice" becomes "amzn1.ask.account.alice"; a full id stays as it is. */
function alexaId(prefix: string, id: string): string {
  return id.startsWith('amzn1.') ? id : prefix + id;
}

async function main(args: string[]): Promise<number> {
  const options = readOptions(args);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const stopRequest = new AbortController();
  onStopRequest((reason) => {
    console.error(`Stopping (${reason}).`);
    stopRequest.abort();
  });
  const replay = options.replay ? readReplay(options.replay) : undefined;
  // as in ask-cli, a replay file's skill id and locale win over the project's
  const locale = replay?.locale ?? options.locale ?? readLocales()[0] ?? 'en-US';
  const skillId = replay?.skillId ?? readSkillId();
  const model = readModel(locale);
  asUsageError(() => requireLanguage(locale));

  const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const skill = await startSkill(options.store);
  const conversation = createConversation({
    skill: withSkillLogsTo(skill, (line) =>
      process.stderr.write(`${colour ? styleText('dim', line) : line}\n`),
    ),
    model,
    caller: { skillId, locale, userId: options.userId, deviceId: options.deviceId },
    strict: options.strict,
  });
  const runner = createDialogRunner({
    conversation,
    output: {
      line: (text) => console.log(text),
      error: (text) => console.error(text),
      note: (text) => console.error(text),
    },
    replayTarget: { skillId, locale },
    colour,
  });
  try {
    console.log(banner(model.interactionModel.languageModel.invocationName, locale, options));
    const outcome = replay ? await runInputs(runner, replay.userInput, stopRequest.signal) : 'continue';
    // like ask dialog, a replay without a final ".quit" goes on interactively, but only at a terminal
    if (outcome === 'continue' && (!replay || process.stdin.isTTY)) {
      if (replay) console.log(SWITCHING_TO_INTERACTIVE);
      await runInteractively(runner, colour, stopRequest.signal);
    }
  } finally {
    await skill.stop();
    if (options.saveSkillIo) writeSkillIoFile(options.saveSkillIo, runner.exchanges);
  }
  console.log('Goodbye!');
  return runner.problemCount > 0 ? 1 : 0;
}

const SWITCHING_TO_INTERACTIVE =
  "Switching to interactive dialog. To quit automatically after a replay, end its userInput with '.quit'.";

function banner(invocationName: string, locale: string, options: Options): string {
  const { store, replay } = options;
  const mode = replay
    ? `Replaying a multi turn conversation with Alexa from ${replay}.`
    : `Type what you would say to Alexa, e.g. "open ${invocationName}", and hit enter.`;
  return [
    `Welcome to ASK Dialog, offline: "${invocationName}" (${locale}), the skill from lambda/src, ${describeStore(store)}.`,
    mode,
    '".record <fileName>" saves what you said as a replay file; ".quit" or ctrl+c exits.',
  ].join('\n');
}

function readReplay(path: string): ReplayFile {
  return asUsageError(() => readReplayFile(path));
}

function readModel(locale: string) {
  const path = interactionModelPath(locale);
  if (!existsSync(path)) throw new UsageError(`There is no interaction model for ${locale} at ${path}`);
  return asUsageError(() => readInteractionModel(path));
}

async function startSkill(store: StoreChoice) {
  try {
    return await startLocalSkill(store);
  } catch (error) {
    if (error instanceof LocalStoreError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

/**
 * Reads lines from the terminal with the "User  > " prompt, or from piped input, until .quit, ctrl+c, the end
 * or a stop request; a turn under way when the stop comes is finished first.
 */
async function runInteractively(
  runner: DialogRunner,
  colour: boolean,
  stopRequest: AbortSignal,
): Promise<void> {
  if (stopRequest.aborted) return;
  const terminal = process.stdin.isTTY === true;
  const lines = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal,
    prompt: colour ? styleText(['yellow', 'bold'], USER_PROMPT) : USER_PROMPT,
  });
  lines.on('SIGINT', () => lines.close());
  stopRequest.addEventListener('abort', () => lines.close());
  const prompt = () => terminal && lines.prompt();
  prompt();
  for await (const line of lines) {
    if (stopRequest.aborted) break;
    if ((await runner.handle(line, { typedAtTerminal: terminal })) === 'quit') break;
    prompt();
  }
  lines.close();
}

main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
}, reportFailure);
