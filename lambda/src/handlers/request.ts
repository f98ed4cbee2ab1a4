import { getIntentName, getLocale, getRequestType, HandlerInput } from 'ask-sdk-core';
import { RequestEnvelope } from 'ask-sdk-model';
import { IntentName } from '../intents';
import { Speech, speechFor } from '../speech';

export function isRequestType(handlerInput: HandlerInput, type: string): boolean {
  return getRequestType(handlerInput.requestEnvelope) === type;
}

export function isIntent(handlerInput: HandlerInput, ...names: IntentName[]): boolean {
  return (
    isRequestType(handlerInput, 'IntentRequest') &&
    (names as string[]).includes(getIntentName(handlerInput.requestEnvelope))
  );
}

export function speechOf(handlerInput: HandlerInput): Speech {
  return speechFor(getLocale(handlerInput.requestEnvelope));
}

/** Names the request for logs without anything personal: "IntentRequest IncrementIntent". */
export function describeRequest(requestEnvelope: RequestEnvelope): string {
  const request = requestEnvelope?.request;
  if (!request) return 'malformed request';
  return request.type === 'IntentRequest' ? `IntentRequest ${request.intent?.name}` : String(request.type);
}
