import { RequestHandler } from 'ask-sdk-core';
import { isIntent, speechOf } from '../request';

export const HelpIntentHandler: RequestHandler = {
  canHandle: (handlerInput) => isIntent(handlerInput, 'AMAZON.HelpIntent'),
  handle(handlerInput) {
    const speech = speechOf(handlerInput);
    return handlerInput.responseBuilder.speak(speech.help).reprompt(speech.reprompt).getResponse();
  },
};
