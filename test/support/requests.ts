import { Intent, Request, RequestEnvelope, SessionEndedReason } from 'ask-sdk-model';
import * as alexa from '../../tools/dialog/request-envelopes';

export const TEST_SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

/** Who sends a request; every field has a default, so tests name only what matters to them. */
export interface Caller {
  userId?: string;
  deviceId?: string;
  locale?: string;
  skillId?: string;
}

function callerOf(caller: Caller = {}): alexa.Caller {
  return {
    skillId: caller.skillId ?? TEST_SKILL_ID,
    userId: caller.userId ?? 'amzn1.ask.account.TEST-USER',
    deviceId: caller.deviceId ?? 'amzn1.ask.device.TEST-DEVICE',
    locale: caller.locale ?? 'en-US',
  };
}

/** The first request of a new session, shaped as Alexa sends it (the simulator's own envelopes). */
function inNewSession(caller: alexa.Caller, request: Request): RequestEnvelope {
  return alexa.requestEnvelope(caller, alexa.newSession(), request);
}

/** Any request: `request` replaces the fields of a plain LaunchRequest (type, ids, timestamp, locale). */
export function envelope(request: Record<string, unknown>, caller?: Caller): RequestEnvelope {
  const who = callerOf(caller);
  return inNewSession(who, { ...alexa.launchRequest(who.locale), ...request } as Request);
}

export function launchRequest(caller?: Caller): RequestEnvelope {
  const who = callerOf(caller);
  return inNewSession(who, alexa.launchRequest(who.locale));
}

export function intentRequest(
  name: string,
  slots: Record<string, string> = {},
  caller?: Caller,
): RequestEnvelope {
  const who = callerOf(caller);
  const intent: Intent = {
    name,
    confirmationStatus: 'NONE',
    slots: Object.fromEntries(
      Object.entries(slots).map(([slot, value]) => [slot, { name: slot, value, confirmationStatus: 'NONE' }]),
    ),
  };
  return inNewSession(who, alexa.intentRequest(who.locale, intent));
}

export function sessionEndedRequest(reason: SessionEndedReason, caller?: Caller): RequestEnvelope {
  const who = callerOf(caller);
  return inNewSession(who, alexa.sessionEndedRequest(who.locale, reason));
}

/** A Lambda context as the Node.js runtime passes it, with `ms` left before the function is stopped. */
export function lambdaContext(ms: number): { getRemainingTimeInMillis(): number } {
  const deadline = Date.now() + ms;
  return { getRemainingTimeInMillis: () => deadline - Date.now() };
}
