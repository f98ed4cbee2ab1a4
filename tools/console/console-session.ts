import { asUsageError, UsageError } from '../cli/command-line';
import { parseReplayFile, QUIT_COMMAND, replayFileText } from '../dialog/ask-cli-files';
import { captionOf } from '../dialog/caption';
import type { Conversation, Turn } from '../dialog/conversation';
import {
  describeChange,
  deviceIdOf,
  startLocalDialog,
  userIdOf,
  type DialogOptions,
  type LocalDialog,
  type ProjectChange,
} from '../dialog/local-dialog';
import { requireLanguage } from '../languages';
import { launchExample } from '../languages/language';
import { describeStore } from '../local/store-options';
import { openStoredItems, type StoredItems } from '../local/stored-items';
import {
  MAX_ENTRIES,
  MAX_UTTERANCE_LENGTH,
  type Caller,
  type ConsoleEvent,
  type ConsoleState,
  type ConsoleStatus,
  type Entry,
  type NoteEntry,
  type ReplayProgress,
  type ReplayStep,
  type StoredItem,
  type TurnEntry,
} from './api';

/**
 * The console's side of a conversation with the local skill: what npm start does with a terminal, done for
 * web pages. One conversation for every tab; what anyone asks for runs one at a time (the skill runs in this
 * process, and its log lines are told apart by turn), and every change goes to every tab as an event.
 */
export interface ConsoleSession {
  state(): ConsoleState;
  /** Calls `listener` with every event from now on; returns the way to stop. */
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
  say(utterance: string): Promise<void>;
  /** A new conversation as another user, on another device, in another locale (any of them). */
  switchCaller(change: { locale?: string; user?: string; device?: string }): Promise<void>;
  /** Ends the open session as the user saying "exit" would (and a replay of what was said does). */
  endSession(): Promise<void>;
  /** Deletes the user's stored item: the skill meets them as a new user. */
  deleteItem(): Promise<void>;
  /** What was said since the last change of caller, as an ask-cli replay file. */
  replayFile(): { fileName: string; text: string };
  loadReplay(name: string, text: string): Promise<void>;
  stepReplay(): Promise<ReplayStep>;
  closeReplay(): Promise<void>;
  /** Waits for the turn under way, if any, then stops the skill and the store. */
  close(): Promise<void>;
}

export interface ConsoleOptions extends DialogOptions {
  /** Another project's root (tests and benchmarks work on copies). */
  root?: string;
}

/** A user or device name the page sends: what fits in a DynamoDB key and reads in a log. */
const MAX_NAME_LENGTH = 200;

export async function startConsoleSession(options: ConsoleOptions): Promise<ConsoleSession> {
  const listeners = new Set<(event: ConsoleEvent) => void>();
  const emit = (event: ConsoleEvent) => listeners.forEach((listener) => listener(event));
  const entries: Entry[] = [];
  let nextId = 1;
  const loadErrors = new Map<ProjectChange['source'], string>();
  let typeProblems: string[] = [];
  let logs: string[] = [];
  let recorded: string[] = [];
  let replay: ReplayProgress | null = null;
  let busy = false;
  let item: StoredItem | null = null;

  const add = (entry: Entry) => {
    entries.push(entry);
    if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
    emit({ type: 'entry', entry });
  };
  const note = (level: NoteEntry['level'], text: string) => add({ kind: 'note', id: nextId++, level, text });

  const onChange = (change: ProjectChange) => {
    if (change.source === 'type-check') {
      const hadProblems = typeProblems.length > 0;
      typeProblems = change.problems;
      if (typeProblems.length > 0 || hadProblems) note(...describe(change));
    } else {
      if (change.reload.kind === 'failed') loadErrors.set(change.source, change.reload.error);
      else loadErrors.delete(change.source);
      note(...describe(change));
    }
    // a reload is noticed inside a turn, which sends the status when it ends
    if (!busy) void sendStatus();
  };

  const dialog: LocalDialog = await startLocalDialog({ ...options, onChange });
  const items: StoredItems = openStoredItems(dialog.skill.store);
  let caller: Caller = {
    locale: dialog.locale,
    user: shortId(options.userId),
    userId: options.userId,
    device: shortId(options.deviceId),
    deviceId: options.deviceId,
    skillId: dialog.skillId,
  };
  const converse = (): Conversation => dialog.converse(caller, (line) => logs.push(line));
  let conversation = converse();

  const status = (): ConsoleStatus => {
    const { invocationName } = dialog.models.modelFor(caller.locale).interactionModel.languageModel;
    return {
      caller,
      locales: dialog.models.locales(),
      invocationName,
      launchExample: launchExample(requireLanguage(caller.locale).invocation, invocationName),
      store: describeStore(options.store),
      tableName: dialog.skill.store.tableName,
      item,
      session: conversation.session
        ? { id: conversation.session.sessionId, attributes: conversation.session.attributes }
        : null,
      recorded: recorded.length,
      replay,
      loadError: loadErrors.size > 0 ? [...loadErrors.values()].join('\n\n') : null,
      typeProblems,
      busy,
    };
  };
  const readItem = async () => (item = (await items.read(caller.userId)) ?? null);
  const sendStatus = async () => {
    await readItem();
    emit({ type: 'status', status: status() });
  };

  /** One thing at a time, in the order asked; a failure is its asker's, and the next goes on. */
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(action: () => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      busy = true;
      emit({ type: 'status', status: status() });
      try {
        return await action();
      } finally {
        busy = false;
        await sendStatus();
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const runTurn = async (utterance: string) => {
    const itemBefore = await readItem();
    logs = [];
    const turn = await conversation.say(utterance);
    recorded.push(utterance);
    add(turnEntry(nextId++, utterance, turn, logs, itemBefore, await readItem(), caller.locale));
  };

  const startConversation = (what: string) => {
    conversation = converse();
    recorded = [];
    note('info', `${what}: a new session. "Save as replay file" saves what is said from here on.`);
  };

  await readItem();
  return {
    state: () => ({ status: status(), entries: [...entries] }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async say(utterance) {
      const line = utterance.trim();
      if (line === '') throw new UsageError('Type something to say first.');
      if (line.length > MAX_UTTERANCE_LENGTH)
        throw new UsageError(
          `That is ${line.length} characters; an utterance here is at most ${MAX_UTTERANCE_LENGTH}. Nothing was sent.`,
        );
      if (line.startsWith('.'))
        throw new UsageError(`"${line.split(/\s/)[0]}" is a command of npm start; here the buttons do that.`);
      return oneAtATime(() => runTurn(line));
    },
    switchCaller(change) {
      return oneAtATime(async () => {
        const next = { ...caller };
        if (change.locale !== undefined) {
          dialog.models.modelFor(change.locale);
          next.locale = change.locale;
        }
        if (change.user !== undefined) next.userId = userIdOf((next.user = checkedName(change.user, 'user')));
        if (change.device !== undefined)
          next.deviceId = deviceIdOf((next.device = checkedName(change.device, 'device')));
        caller = next;
        startConversation(`Now ${next.locale}, user ${next.user}, device ${next.device}`);
      });
    },
    endSession() {
      return oneAtATime(async () => {
        if (!conversation.session) throw new UsageError('There is no open session to end.');
        await runTurn(requireLanguage(caller.locale).endSession[0]);
      });
    },
    deleteItem() {
      return oneAtATime(async () => {
        await items.remove(caller.userId);
        note('info', `Deleted the stored item of user ${caller.user}: the skill meets them as a new user.`);
      });
    },
    replayFile() {
      const userInput = [...recorded, QUIT_COMMAND];
      return {
        fileName: `replay-${caller.locale}.json`,
        text: replayFileText({ skillId: caller.skillId, locale: caller.locale, type: 'text', userInput }),
      };
    },
    async loadReplay(name, text) {
      const file = asUsageError(() => parseReplayFile(text, name));
      dialog.models.modelFor(file.locale);
      return oneAtATime(async () => {
        caller = { ...caller, locale: file.locale, skillId: file.skillId };
        replay = { name, inputs: file.userInput, next: 0 };
        startConversation(`Replaying ${name} (${file.userInput.length} inputs) in ${file.locale}`);
      });
    },
    stepReplay() {
      return oneAtATime(async () => {
        const current = replay;
        if (!current || current.next >= current.inputs.length)
          throw new UsageError('No replay input is left to say.');
        const input = current.inputs[current.next++];
        if (input.toLowerCase() === QUIT_COMMAND) {
          current.next = current.inputs.length;
          note('info', `The replay ends with ${QUIT_COMMAND}.`);
        } else if (input.startsWith('.')) {
          note('warning', `Skipped "${input}": a command of npm start, not something to say.`);
        } else {
          await runTurn(input);
        }
        return { left: current.inputs.length - current.next };
      });
    },
    closeReplay() {
      return oneAtATime(async () => {
        replay = null;
      });
    },
    async close() {
      await queue;
      items.close();
      await dialog.stop();
    },
  };
}

function turnEntry(
  id: number,
  utterance: string,
  turn: Turn,
  logs: string[],
  itemBefore: StoredItem | null,
  itemAfter: StoredItem | null,
  locale: string,
): TurnEntry {
  return {
    kind: 'turn',
    id,
    utterance,
    sessionStarted: turn.exchanges[0]?.request.session?.new === true,
    sessionEnded: turn.sessionEnded,
    captions: turn.captions,
    reprompts: turn.exchanges.flatMap(({ response }) => {
      const reprompt = captionOf(repromptOf(response));
      return reprompt ? [reprompt] : [];
    }),
    notice: turn.notice,
    ignoredWords: turn.ignoredWords,
    problems: turn.problems,
    exchanges: turn.exchanges,
    logs,
    itemBefore,
    itemAfter,
    locale,
  };
}

/** The reprompt's speech of a response, if the response has one where Alexa looks for it. */
function repromptOf(response: unknown) {
  const speech = (response as { response?: { reprompt?: { outputSpeech?: unknown } } } | undefined)?.response
    ?.reprompt?.outputSpeech;
  const { type } = (speech ?? {}) as { type?: unknown };
  return type === 'SSML' || type === 'PlainText' ? (speech as Parameters<typeof captionOf>[0]) : undefined;
}

function describe(change: ProjectChange): [NoteEntry['level'], string] {
  const { level, text } = describeChange(change);
  return [level === 'note' ? 'info' : level, text];
}

function checkedName(name: string, what: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH || /[\p{Cc}]/u.test(trimmed))
    throw new UsageError(`A ${what} is 1 to ${MAX_NAME_LENGTH} characters, with no control characters.`);
  return trimmed;
}

/** "amzn1.ask.account.local-user" as people typed it: "local-user". */
function shortId(id: string): string {
  return id.replace(/^amzn1\.ask\.(account|device)\./, '');
}
