import { randomUUID } from 'node:crypto';
import type {
  DialogState,
  Intent,
  IntentRequest,
  LaunchRequest,
  Request,
  RequestEnvelope,
  SessionEndedError,
  SessionEndedReason,
  SessionEndedRequest,
} from 'ask-sdk-model';

/** Who is talking to which skill, on what device: the same for every request of a run. */
export interface Caller {
  skillId: string;
  userId: string;
  deviceId: string;
  locale: string;
}

/** The session a request belongs to; `attributes` are the last response's `sessionAttributes`. */
export interface SessionState {
  sessionId: string;
  isNew: boolean;
  attributes: Record<string, unknown>;
}

export function newSession(): SessionState {
  return { sessionId: `amzn1.echo-api.session.${randomUUID()}`, isNew: true, attributes: {} };
}

/** A request envelope as Alexa sends it to a custom skill. */
export function requestEnvelope(caller: Caller, session: SessionState, request: Request): RequestEnvelope {
  const application = { applicationId: caller.skillId };
  const user = { userId: caller.userId };
  return {
    version: '1.0',
    session: {
      new: session.isNew,
      sessionId: session.sessionId,
      application,
      user,
      attributes: session.attributes,
    },
    context: {
      System: {
        application,
        user,
        // a voice-only Echo: no screen, so no APL or Display interfaces
        device: { deviceId: caller.deviceId, supportedInterfaces: { AudioPlayer: {} } },
        apiEndpoint: apiEndpointFor(caller.locale),
      },
    },
    request,
  };
}

export function launchRequest(locale: string): LaunchRequest {
  return { type: 'LaunchRequest', ...requestBasics(locale) };
}

/** `dialogState` is only sent for intents the model gives a dialog model, as Alexa does. */
export function intentRequest(locale: string, intent: Intent, dialogState?: DialogState): IntentRequest {
  const request = {
    type: 'IntentRequest' as const,
    ...requestBasics(locale),
    ...(dialogState && { dialogState }),
    intent,
  };
  // ask-sdk-model marks dialogState as always present; Alexa leaves it out without a dialog model.
  return request as IntentRequest;
}

export function sessionEndedRequest(
  locale: string,
  reason: SessionEndedReason,
  error?: SessionEndedError,
): SessionEndedRequest {
  return { type: 'SessionEndedRequest', ...requestBasics(locale), reason, ...(error && { error }) };
}

function requestBasics(locale: string) {
  return {
    requestId: `amzn1.echo-api.request.${randomUUID()}`,
    // Alexa's timestamps have whole seconds: 2026-11-25T07:09:00Z
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    locale,
  };
}

/** Skills call Alexa's APIs in the region of the user's account; the locale is a good guess at it. */
function apiEndpointFor(locale: string): string {
  if (['en-AU', 'ja-JP'].includes(locale)) return 'https://api.fe.amazonalexa.com';
  if (/^(en-GB|en-IE|en-IN|de-|fr-FR|it-|es-ES)/.test(locale)) return 'https://api.eu.amazonalexa.com';
  return 'https://api.amazonalexa.com';
}
