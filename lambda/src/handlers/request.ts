import { getIntentName, getRequestType, HandlerInput } from 'ask-sdk-core';
import { RequestEnvelope } from 'ask-sdk-model';
import { IntentName } from '../intents';
import { Speech, speechFor } from '../speech';
import { isObject } from '../is-object';

export function isRequestType(handlerInput: HandlerInput, type: string): boolean {
  return getRequestType(handlerInput.requestEnvelope) === type;
}

export function isIntent(handlerInput: HandlerInput, ...names: IntentName[]): boolean {
  return (
    isRequestType(handlerInput, 'IntentRequest') &&
    (names as string[]).includes(getIntentName(handlerInput.requestEnvelope))
  );
}

/** The speech for the request's locale; English when the envelope has no usable locale. */
export function speechOf(handlerInput: HandlerInput): Speech {
  const request: unknown = handlerInput.requestEnvelope?.request;
  return speechFor(isObject(request) ? request.locale : undefined);
}

/** Requests may carry anything; a log line shows at most this much of a field taken from one. */
const MAX_LOGGED_FIELD = 100;

/** Names the request for logs without anything personal: "IntentRequest IncrementIntent". */
export function describeRequest(requestEnvelope: RequestEnvelope): string {
  const request: unknown = requestEnvelope?.request;
  if (!isObject(request)) return 'malformed request';
  const type = loggable(request.type);
  if (type !== 'IntentRequest') return type;
  return `IntentRequest ${isObject(request.intent) ? loggable(request.intent.name) : '(no intent)'}`;
}

/** A field of the request as it may appear in a log line: a short string, or what kind of value it was. */
export function loggable(value: unknown): string {
  if (typeof value !== 'string') return `(${value === null ? 'null' : typeof value})`;
  return value.length > MAX_LOGGED_FIELD ? `${value.slice(0, MAX_LOGGED_FIELD)}…` : value;
}
