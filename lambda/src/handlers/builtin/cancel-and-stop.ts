import { RequestHandler } from 'ask-sdk-core';
import { readCounter } from '../../persistence/counter-store';
import { isIntent, speechOf } from '../request';

export const CancelAndStopIntentHandler: RequestHandler = {
  canHandle: (handlerInput) => isIntent(handlerInput, 'AMAZON.CancelIntent', 'AMAZON.StopIntent'),
  async handle(handlerInput) {
    const speech = speechOf(handlerInput);
    const count = await readCounter(handlerInput.attributesManager);
    return handlerInput.responseBuilder.speak(speech.goodbye(count)).withShouldEndSession(true).getResponse();
  },
};
