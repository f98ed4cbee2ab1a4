import { RequestHandler } from 'ask-sdk-core';
import { isIntent, speechOf } from '../request';

export const FallbackIntentHandler: RequestHandler = {
  canHandle: (handlerInput) => isIntent(handlerInput, 'AMAZON.FallbackIntent'),
  handle(handlerInput) {
    const speech = speechOf(handlerInput);
    return handlerInput.responseBuilder.speak(speech.fallback).reprompt(speech.reprompt).getResponse();
  },
};
