import { RequestHandler } from 'ask-sdk-core';
import { readCounter } from '../persistence/counter-store';
import { isRequestType, speechOf } from './request';

export const LaunchRequestHandler: RequestHandler = {
  canHandle: (handlerInput) => isRequestType(handlerInput, 'LaunchRequest'),
  async handle(handlerInput) {
    const speech = speechOf(handlerInput);
    const count = await readCounter(handlerInput.attributesManager);
    return handlerInput.responseBuilder.speak(speech.welcome(count)).reprompt(speech.reprompt).getResponse();
  },
};
