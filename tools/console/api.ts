/**
 * The console's HTTP API: what the server (tools/console/) sends and the page (tools/console/page/) reads.
 * Both sides import these types, so the compiler checks the contract at both ends.
 *
 * The page learns everything from one event stream, GET /api/events: a `state` event first (and again after
 * every reconnection), then an `entry` for each new line of the conversation and a `status` whenever anything
 * else changed. Every tab sees the same conversation; what a tab asks for (POST and DELETE below) is answered
 * with `{}` (or what the route says) or `{ error }`, and its effect reaches every tab through the stream.
 */
import type { RequestEnvelope } from 'ask-sdk-model';

export const API = {
  events: '/api/events',
  /** POST `{ utterance }`. */
  say: '/api/say',
  /** POST `{ locale?, user?, device? }`: talk as someone else, elsewhere; a new session and recording. */
  caller: '/api/caller',
  /** POST: end the open session as the user saying "exit" does. */
  endSession: '/api/session/end',
  /** DELETE: delete the user's stored item ("new user"). */
  item: '/api/item',
  /** GET: the replay file of what was said since the last change of caller. POST `{ name, text }`: load one. */
  replay: '/api/replay',
  /** POST: say the loaded replay file's next input; answered with a ReplayStep. */
  replayStep: '/api/replay/step',
} as const;

/** How many of the replay file's inputs are still to be said. */
export interface ReplayStep {
  left: number;
}

/** What a request that was refused gets, with a 4xx status: one line saying why (`refuse` of tools/http). */
export interface ApiError {
  error: string;
}

export type ConsoleEvent =
  | { type: 'state'; state: ConsoleState }
  | { type: 'entry'; entry: Entry }
  | { type: 'status'; status: ConsoleStatus };

export interface ConsoleState {
  status: ConsoleStatus;
  entries: Entry[];
}

/** Everything but the conversation itself. */
export interface ConsoleStatus {
  caller: Caller;
  /** The locales of skill.json, to switch between. */
  locales: string[];
  invocationName: string;
  /** How a user of the caller's locale opens the skill: "open hello counter", "öffne hallo zähler". */
  launchExample: string;
  /** "a throwaway in-memory DynamoDB", "DynamoDB in .local/dynamodb". */
  store: string;
  tableName: string;
  /** The user's stored item now; null when they have none. */
  item: StoredItem | null;
  /** The open session; null between sessions. */
  session: { id: string; attributes: Record<string, unknown> } | null;
  /** How many utterances "Save as replay file" would write. */
  recorded: number;
  replay: ReplayProgress | null;
  /** Why the sources as they are now do not load, while the last version that loaded answers. */
  loadError: string | null;
  /** Type errors the last check found in lambda/src. */
  typeProblems: string[];
  /** A turn is under way: the page waits before sending the next. */
  busy: boolean;
}

export interface Caller {
  locale: string;
  /** As typed ("local-user"), and as sent to the skill ("amzn1.ask.account.local-user"). */
  user: string;
  userId: string;
  device: string;
  deviceId: string;
  skillId: string;
}

export type StoredItem = Record<string, unknown>;

export interface ReplayProgress {
  name: string;
  inputs: string[];
  /** The index of the next input to say; `inputs.length` when the replay has run to its end. */
  next: number;
}

export type Entry = TurnEntry | NoteEntry;

/** One utterance and everything it caused. */
export interface TurnEntry {
  kind: 'turn';
  id: number;
  utterance: string;
  /** This utterance opened a session. */
  sessionStarted: boolean;
  /** The session ended in this turn (the skill ended it, the user left, or the skill failed). */
  sessionEnded: boolean;
  /** What Alexa said: captions of the SSML, in order. */
  captions: string[];
  /** What Alexa would say if the user stayed silent. */
  reprompts: string[];
  /** Why the utterance did not reach the skill. */
  notice?: string;
  /** Filler words the simulator's tolerance left out to match a sample. */
  ignoredWords?: string[];
  /** What a device would have refused: the skill threw, or its response is not a valid Alexa response. */
  problems: string[];
  exchanges: ExchangeView[];
  /** What the skill logged while it answered (CloudWatch, on a device). */
  logs: string[];
  /** The user's stored item before and after the turn; null when there was none. */
  itemBefore: StoredItem | null;
  itemAfter: StoredItem | null;
  locale: string;
}

/** One request of a turn and the skill's answer, or what it threw. */
export interface ExchangeView {
  request: RequestEnvelope;
  response?: unknown;
  error?: string;
}

/** A line of the conversation that is not a turn: a reload, a switch of user, a deleted item. */
export interface NoteEntry {
  kind: 'note';
  id: number;
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** Bounds what a browser tab is sent and the server keeps: a day's conversation, not a replay of a year. */
export const MAX_ENTRIES = 500;

/** A spoken utterance is a few words; pasting a book into the input gets a clear refusal instead. */
export const MAX_UTTERANCE_LENGTH = 1000;
