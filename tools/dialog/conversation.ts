import type {
  dialog as dialogDirectives,
  Directive,
  Intent,
  IntentRequest,
  Request,
  RequestEnvelope,
  ResponseEnvelope,
} from 'ask-sdk-model';
import { launchExample, oneShotExample } from '../languages/language';
import { captionOf } from './caption';
import { delegatesAutomatically, hasDialog, nextDialogStep, type DialogStep } from './dialog-model';
import type { InteractionModel } from './interaction-model';
import {
  intentRequest,
  launchRequest,
  newSession,
  requestEnvelope,
  sessionEndedRequest,
  type Caller,
  type SessionState,
} from './request-envelopes';
import { responseProblems } from './response-check';
import { createUtteranceResolver } from './utterance-resolver';
import { phraseKey } from './words';

/** Anything that answers request envelopes the way a skill's Lambda handler does. */
export interface Skill {
  invoke(request: RequestEnvelope): Promise<ResponseEnvelope>;
}

/** One request to the skill and what came back: a response, or the error it threw. */
export interface Exchange {
  request: RequestEnvelope;
  response?: unknown;
  error?: string;
}

/** What happened after one utterance. */
export interface Turn {
  /** What Alexa said: the skill's speech and the dialog model's prompts, as plain text. */
  captions: string[];
  sessionEnded: boolean;
  /** Set when the utterance did not reach the skill, saying why. */
  notice?: string;
  /** Filler words Alexa's tolerance left out to match a sample ("please"), as the simulator approximates it. */
  ignoredWords?: string[];
  /** What a device would have refused: the skill threw, or its response is not a valid Alexa response. */
  problems: string[];
  exchanges: Exchange[];
}

export interface Conversation {
  say(utterance: string): Promise<Turn>;
  /** Understands the next utterances with this model (a new version of the skill's): the session goes on. */
  useModel(model: InteractionModel): void;
  /** The open session's id and attributes (the last response's `sessionAttributes`); undefined between sessions. */
  readonly session: Readonly<SessionState> | undefined;
}

/** What Alexa says when a skill throws or answers with something it cannot use. */
export const SKILL_PROBLEM_CAPTION = "There was a problem with the requested skill's response";

/** A dialog step Alexa waits on: the next utterance answers it rather than starting something new. */
interface OpenDialog {
  intent: Intent;
  awaiting: { kind: 'slot' | 'slot-confirmation'; slotName: string } | { kind: 'intent-confirmation' };
  /** Alexa asked (Dialog.Delegate or auto delegation), or the skill did (Dialog.ElicitSlot and the like). */
  askedBy: 'alexa' | 'skill';
}

/**
 * Alexa's side of a conversation with one skill: understands utterances with the interaction model, keeps the
 * session and its attributes, runs delegated dialogs, and sends the skill full request envelopes.
 */
export function createConversation(options: {
  skill: Skill;
  model: InteractionModel;
  caller: Caller;
  /** Match samples as written, without ignoring filler words (`--strict`). */
  strict?: boolean;
}): Conversation {
  const { skill, caller, strict } = options;
  const { locale } = caller;
  let model = options.model;
  let resolver = createUtteranceResolver(model, { locale, skillId: caller.skillId, strict });
  const phrasesOf = (intent: string) => resolver.language.builtInPhrases[intent] ?? [];
  const yes = new Set(phrasesOf('AMAZON.YesIntent').map(phraseKey));
  const no = new Set(phrasesOf('AMAZON.NoIntent').map(phraseKey));
  let session: SessionState | undefined;
  let dialog: OpenDialog | undefined;

  const endSession = (turn: Turn) => {
    session = undefined;
    dialog = undefined;
    turn.sessionEnded = true;
  };

  const send = async (turn: Turn, request: Request): Promise<void> => {
    if (!session) return;
    const exchange: Exchange = { request: requestEnvelope(caller, session, request) };
    turn.exchanges.push(exchange);
    session.isNew = false;
    try {
      exchange.response = await skill.invoke(exchange.request);
    } catch (error) {
      exchange.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
      turn.problems.push(`the skill threw on ${request.type}: ${exchange.error}`);
      turn.captions.push(SKILL_PROBLEM_CAPTION);
      endSession(turn);
      return;
    }
    if (request.type === 'SessionEndedRequest') return; // Alexa ignores the answer
    const problems = responseProblems(exchange.response, request);
    if (problems.length > 0) {
      turn.problems.push(...problems.map((problem) => `invalid response to ${request.type}: ${problem}`));
      turn.captions.push(SKILL_PROBLEM_CAPTION);
      const error = { type: 'INVALID_RESPONSE' as const, message: problems.join('; ') };
      await send(turn, sessionEndedRequest(locale, 'ERROR', error));
      endSession(turn);
      return;
    }
    const { response, sessionAttributes } = exchange.response as ResponseEnvelope;
    session.attributes = sessionAttributes ?? {};
    const caption = captionOf(response.outputSpeech);
    if (caption) turn.captions.push(caption);
    if (response.shouldEndSession) endSession(turn);
    else await followDialogDirective(turn, request, response.directives ?? []);
  };

  /** Alexa's move in a delegated dialog: ask the next question, or hand the finished intent to the skill. */
  const advanceDialog = async (turn: Turn, intent: Intent): Promise<void> => {
    const step = nextDialogStep(model, intent);
    if (step.kind === 'complete') {
      dialog = undefined;
      await send(turn, intentRequest(locale, intent, 'COMPLETED'));
      return;
    }
    turn.captions.push(step.prompt);
    dialog = { intent, awaiting: awaitingAnswerTo(step), askedBy: 'alexa' };
  };

  const followDialogDirective = async (turn: Turn, request: Request, directives: Directive[]) => {
    const directive = directives.find(isDialogDirective);
    if (!directive) return;
    // responseProblems made sure that any request but an IntentRequest got an updatedIntent
    const intent = directive.updatedIntent ?? (request as IntentRequest).intent;
    if (directive.type === 'Dialog.Delegate') await advanceDialog(turn, intent);
    else dialog = { intent, awaiting: awaitingAnswerToSkill(directive), askedBy: 'skill' };
  };

  /** The utterance as an answer to the open dialog step; false when it is not one (the user moved on). */
  const answerDialog = async (turn: Turn, open: OpenDialog, utterance: string): Promise<boolean> => {
    const answered = answeredIntent(open, utterance);
    if (!answered) return false;
    dialog = undefined;
    const confirmedByAlexa = open.askedBy === 'alexa' && open.awaiting.kind === 'intent-confirmation';
    if (open.askedBy === 'alexa' && delegatesAutomatically(model, answered.name)) {
      await advanceDialog(turn, answered);
    } else {
      await send(turn, intentRequest(locale, answered, confirmedByAlexa ? 'COMPLETED' : 'IN_PROGRESS'));
    }
    return true;
  };

  const answeredIntent = (open: OpenDialog, utterance: string): Intent | undefined => {
    const { intent, awaiting } = open;
    if (awaiting.kind === 'slot') {
      const fills = resolver.answerToElicitation(utterance, intent.name, awaiting.slotName);
      if (!fills) return undefined;
      const filled = Object.values(resolver.toIntent(intent.name, fills).slots ?? {}).filter(
        (slot) => slot.value,
      );
      return {
        ...intent,
        slots: { ...intent.slots, ...Object.fromEntries(filled.map((slot) => [slot.name, slot])) },
      };
    }
    const key = phraseKey(utterance);
    const status = yes.has(key) ? 'CONFIRMED' : no.has(key) ? 'DENIED' : undefined;
    if (!status) return undefined;
    if (awaiting.kind === 'intent-confirmation') return { ...intent, confirmationStatus: status };
    const slot = intent.slots?.[awaiting.slotName] ?? { name: awaiting.slotName, confirmationStatus: 'NONE' };
    return {
      ...intent,
      slots: { ...intent.slots, [awaiting.slotName]: { ...slot, confirmationStatus: status } },
    };
  };

  const startIntent = async (turn: Turn, intent: Intent): Promise<void> => {
    if (!hasDialog(model, intent.name)) await send(turn, intentRequest(locale, intent));
    else if (delegatesAutomatically(model, intent.name)) await advanceDialog(turn, intent);
    else await send(turn, intentRequest(locale, intent, 'STARTED'));
  };

  return {
    async say(utterance) {
      const turn: Turn = { captions: [], sessionEnded: false, problems: [], exchanges: [] };
      if (session && dialog && (await answerDialog(turn, dialog, utterance))) return turn;
      dialog = undefined; // not an answer: the user moved on
      const understood = resolver.understand(utterance, { inSession: session !== undefined });
      switch (understood.kind) {
        case 'not-for-skill':
          turn.notice =
            `Not sent to the skill: outside a session Alexa only passes on utterances that name it, ` +
            `like "${launchExample(resolver.language.invocation, resolver.invocationName)}" or ` +
            `"${oneShotExample(resolver.language.invocation, resolver.invocationName)}"`;
          break;
        case 'end-session':
          await send(turn, sessionEndedRequest(locale, 'USER_INITIATED'));
          endSession(turn);
          break;
        case 'launch':
          session = newSession();
          await send(turn, launchRequest(locale));
          break;
        case 'intent':
          if (understood.ignored) turn.ignoredWords = understood.ignored;
          if (understood.invoked) session = newSession();
          await startIntent(turn, understood.intent);
          break;
      }
      return turn;
    },
    useModel(next) {
      if (next === model) return;
      model = next;
      resolver = createUtteranceResolver(model, { locale, skillId: caller.skillId, strict });
    },
    get session() {
      return session;
    },
  };
}

type DialogDirective =
  | dialogDirectives.DelegateDirective
  | dialogDirectives.ElicitSlotDirective
  | dialogDirectives.ConfirmSlotDirective
  | dialogDirectives.ConfirmIntentDirective;

const DIALOG_DIRECTIVES = [
  'Dialog.Delegate',
  'Dialog.ElicitSlot',
  'Dialog.ConfirmSlot',
  'Dialog.ConfirmIntent',
];

function isDialogDirective(directive: Directive): directive is DialogDirective {
  return DIALOG_DIRECTIVES.includes(directive.type);
}

type Awaiting = OpenDialog['awaiting'];

/** What the next utterance answers after the dialog model's question. */
function awaitingAnswerTo(step: Exclude<DialogStep, { kind: 'complete' }>): Awaiting {
  if (step.kind === 'confirm-intent') return { kind: 'intent-confirmation' };
  return { kind: step.kind === 'elicit-slot' ? 'slot' : 'slot-confirmation', slotName: step.slotName };
}

/** What the next utterance answers after the skill's own question. */
function awaitingAnswerToSkill(
  directive: Exclude<DialogDirective, dialogDirectives.DelegateDirective>,
): Awaiting {
  switch (directive.type) {
    case 'Dialog.ElicitSlot':
      return { kind: 'slot', slotName: directive.slotToElicit };
    case 'Dialog.ConfirmSlot':
      return { kind: 'slot-confirmation', slotName: directive.slotToConfirm };
    case 'Dialog.ConfirmIntent':
      return { kind: 'intent-confirmation' };
  }
}
