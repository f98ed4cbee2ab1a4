import { RequestHandler } from 'ask-sdk-core';
import { isIntent, speechOf } from '../request';

/** "Go home" leaves the skill; there is nothing to save, so storage is not touched. */
export const NavigateHomeIntentHandler: RequestHandler = {
  canHandle: (handlerInput) => isIntent(handlerInput, 'AMAZON.NavigateHomeIntent'),
  handle(handlerInput) {
    return handlerInput.responseBuilder
      .speak(speechOf(handlerInput).goodbyeHome)
      .withShouldEndSession(true)
      .getResponse();
  },
};
