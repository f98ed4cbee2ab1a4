/**
 * `npm start`: `ask dialog` on this machine. Talks to the skill from lambda/src through the skill's own
 * interaction model, with the embedded DynamoDB, and reads and writes ask-cli's replay and skill-io files.
 * Edits to lambda/src and skill-package/ take effect from the next utterance on.
 */
// first, to know who started us before anything else takes time
import { onStopRequest } from '../cli/stop-requests';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { asUsageError, parseOptions, reportFailure, UsageError } from '../cli/command-line';
import { requireLanguage } from '../languages';
import { launchExample } from '../languages/language';
import { describeStore } from '../local/store-options';
import { readReplayFile, writeSkillIoFile, type ReplayFile } from './ask-cli-files';
import {
  createDialogRunner,
  createPainter,
  runInputs,
  USER_PROMPT,
  type DialogRunner,
  type Painter,
} from './dialog-runner';
import {
  describeChange,
  DIALOG_OPTIONS,
  DIALOG_USAGE,
  readDialogOptions,
  startLocalDialog,
  type DialogOptions,
  type ProjectChange,
} from './local-dialog';

const USAGE = `Usage: npm start -- [options]
  --replay, -r FILE      run an ask-cli replay file ({skillId, locale, type: "text", userInput: [...]})
  --save-skill-io FILE   write every request envelope and response, in ask-cli's --save-skill-io shape
${DIALOG_USAGE}
Exit status: 0, or 1 when the skill threw or gave an invalid response, or 2 when the dialog could not start.`;

const SYNOPSIS = 'Usage: npm start -- [options]; npm start -- --help lists them.';

interface Options extends DialogOptions {
  replay?: string;
  saveSkillIo?: string;
}

function readOptions(args: string[]): Options | 'help' {
  const { values } = parseOptions({
    args,
    options: {
      replay: { type: 'string', short: 'r' },
      'save-skill-io': { type: 'string' },
      ...DIALOG_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
    usage: SYNOPSIS,
  });
  if (values.help) return 'help';
  if (values['save-skill-io']) expectFolderOf(values['save-skill-io']);
  return { replay: values.replay, saveSkillIo: values['save-skill-io'], ...readDialogOptions(values) };
}

/** Checked before the dialog, so that its end does not fail on a typo. */
function expectFolderOf(file: string): void {
  const folder = dirname(file);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--save-skill-io: there is no folder ${folder} to write ${file} in.`);
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
  const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const painter = createPainter(colour);
  const dialog = await startLocalDialog({
    store: options.store,
    // as in ask-cli, a replay file's skill id and locale win over the project's
    locale: replay?.locale ?? options.locale,
    strict: options.strict,
    onChange: reportChangesTo(painter),
  });
  const { locale } = dialog;
  const skillId = replay?.skillId ?? dialog.skillId;
  const conversation = dialog.converse(
    { skillId, locale, userId: options.userId, deviceId: options.deviceId },
    (line) => process.stderr.write(`${painter.paint('dim', line)}\n`),
  );
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
    const { invocationName } = dialog.models.modelFor(locale).interactionModel.languageModel;
    console.log(banner(invocationName, locale, options));
    const outcome = replay ? await runInputs(runner, replay.userInput, stopRequest.signal) : 'continue';
    // like ask dialog, a replay without a final ".quit" goes on interactively, but only at a terminal
    if (outcome === 'continue' && (!replay || process.stdin.isTTY)) {
      if (replay) console.log(SWITCHING_TO_INTERACTIVE);
      await runInteractively(runner, painter, stopRequest.signal);
    }
  } finally {
    await dialog.stop();
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
    : `Type what you would say to Alexa, e.g. "${launchExample(requireLanguage(locale).invocation, invocationName)}", and hit enter.`;
  return [
    `Welcome to ASK Dialog, offline: "${invocationName}" (${locale}), the skill from lambda/src, ${describeStore(store)}.`,
    mode,
    '".record <fileName>" saves what you said as a replay file; ".quit" or ctrl+c exits.',
  ].join('\n');
}

/**
 * Reloads and type errors, on standard error beside the transcript, written straight to the stream: the
 * type check reports while a turn may be under way, and the skill's `console` then goes to its log.
 */
function reportChangesTo(painter: Painter) {
  let typeErrorsShown = false;
  return (change: ProjectChange) => {
    if (change.source === 'type-check') {
      // "no type errors" is news only after some were shown
      if (change.problems.length === 0 && !typeErrorsShown) return;
      typeErrorsShown = change.problems.length > 0;
    }
    const { level, text } = describeChange(change);
    const line =
      level === 'error'
        ? painter.error(text)
        : level === 'warning'
          ? painter.warning(text)
          : painter.paint('dim', `[Info]: ${text}`);
    process.stderr.write(`${line}\n`);
  };
}

function readReplay(path: string): ReplayFile {
  return asUsageError(() => readReplayFile(path));
}

/**
 * Reads lines from the terminal with the "User  > " prompt, or from piped input, until .quit, ctrl+c, the end
 * or a stop request; a turn under way when the stop comes is finished first.
 */
async function runInteractively(
  runner: DialogRunner,
  painter: Painter,
  stopRequest: AbortSignal,
): Promise<void> {
  if (stopRequest.aborted) return;
  const terminal = process.stdin.isTTY === true;
  const lines = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal,
    prompt: painter.prompt(USER_PROMPT),
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
