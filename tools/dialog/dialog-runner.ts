import { styleText } from 'node:util';
import { QUIT_COMMAND, writeReplayFile } from './ask-cli-files';
import type { Conversation, Exchange, Turn } from './conversation';
import { toleranceHint } from './tolerance-hint';

/** ask-cli's prompts, two spaces after "User" so that both line up. */
export const USER_PROMPT = 'User  > ';
const ALEXA_PROMPT = 'Alexa > ';

export interface RunnerOutput {
  /** The transcript: standard output. */
  line(text: string): void;
  /** Errors and warnings: standard error. */
  error(text: string): void;
  /**
   * Notes about how the simulator understood a turn, which ask-cli does not print: left out of transcripts
   * (replays are compared without them) when not given.
   */
  note?(text: string): void;
}

/** ask-cli's colours and labels for a terminal; plain text when the output is not one. */
export interface Painter {
  paint(style: Parameters<typeof styleText>[0], text: string): string;
  /** "User  > ", "Alexa > " */
  prompt(text: string): string;
  /** "[Error]: " and the text */
  error(text: string): string;
  /** "[Warn]: " and the text */
  warning(text: string): string;
}

export function createPainter(colour: boolean): Painter {
  const paint: Painter['paint'] = (style, text) => (colour ? styleText(style, text) : text);
  return {
    paint,
    prompt: (text) => paint(['yellow', 'bold'], text),
    error: (text) => paint(['red', 'bold'], '[Error]: ') + text,
    warning: (text) => paint(['yellow', 'bold'], '[Warn]: ') + text,
  };
}

/** Marks the simulator's own notes, so that they are never taken for a line of the dialog. */
const TOLERANCE_MARK = '[Tolerance]: ';

export interface DialogRunner {
  /**
   * Handles one line: an utterance, `.record FILE [--append-quit]` or `.quit`. It is printed as "User  > ..."
   * unless it was typed at a terminal, which already shows it.
   */
  handle(input: string, options?: { typedAtTerminal: boolean }): Promise<'continue' | 'quit'>;
  /** Every request and response so far, for `--save-skill-io`. */
  readonly exchanges: Exchange[];
  /** In how many turns the skill threw or gave an invalid response: npm start then exits with 1. */
  readonly problemCount: number;
}

const RECORD_FORMAT = 'Please use the format: ".record <fileName>" or ".record <fileName> --append-quit"';

/**
 * The `ask dialog` loop without its input source: prints each turn as ask-cli does ("Session ended" before the
 * caption that ended it) and keeps what `.record` and `--save-skill-io` need.
 */
export function createDialogRunner(options: {
  conversation: Conversation;
  output: RunnerOutput;
  /** Where `.record` says the replay runs: the run's skill id and locale. */
  replayTarget: { skillId: string; locale: string };
  colour: boolean;
}): DialogRunner {
  const { conversation, output, replayTarget } = options;
  const painter = createPainter(options.colour);
  const utterances: string[] = [];
  const exchanges: Exchange[] = [];
  let problemCount = 0;

  const printTurn = (turn: Turn) => {
    if (turn.notice) output.line(painter.paint('dim', turn.notice));
    if (turn.ignoredWords) {
      output.note?.(painter.paint('dim', TOLERANCE_MARK + toleranceHint(turn.ignoredWords)));
    }
    if (turn.sessionEnded) output.line('Session ended');
    for (const caption of turn.captions) output.line(painter.prompt(ALEXA_PROMPT) + caption);
    for (const problem of turn.problems) output.error(painter.error(problem));
  };

  const record = (args: string[]) => {
    const [fileName, flag, ...extra] = args;
    if (!fileName || extra.length > 0 || (flag !== undefined && flag !== '--append-quit')) {
      output.error(painter.warning(`Incorrect format. ${RECORD_FORMAT}`));
      return;
    }
    const userInput = flag ? [...utterances, QUIT_COMMAND] : [...utterances];
    try {
      writeReplayFile(fileName, { ...replayTarget, type: 'text', userInput });
    } catch (error) {
      output.error(painter.error(`${(error as Error).message} Nothing was recorded.`));
      return;
    }
    output.line(
      `Created replay file at ${fileName}${flag ? ' (appended ".quit" to list of utterances).' : ''}`,
    );
  };

  return {
    async handle(input, { typedAtTerminal } = { typedAtTerminal: false }) {
      const line = input.trim();
      if (line === '') return 'continue';
      if (!typedAtTerminal) output.line(painter.prompt(USER_PROMPT) + line);
      const [command, ...args] = line.split(/\s+/);
      if (command.toLowerCase() === QUIT_COMMAND) return 'quit';
      if (command === '.record') {
        record(args);
        return 'continue';
      }
      if (command.startsWith('.')) {
        output.error(painter.warning(`Unknown command ${command}. ${RECORD_FORMAT}, or ".quit"`));
        return 'continue';
      }
      utterances.push(line);
      const turn = await conversation.say(line);
      exchanges.push(...turn.exchanges);
      problemCount += turn.problems.length > 0 ? 1 : 0;
      printTurn(turn);
      return 'continue';
    },
    exchanges,
    get problemCount() {
      return problemCount;
    },
  };
}

/** Runs inputs in order, as a replay does, up to a `.quit` or a stop request. */
export async function runInputs(
  runner: DialogRunner,
  inputs: string[],
  stopRequest?: AbortSignal,
): Promise<'continue' | 'quit'> {
  for (const input of inputs) {
    if (stopRequest?.aborted || (await runner.handle(input)) === 'quit') return 'quit';
  }
  return 'continue';
}
