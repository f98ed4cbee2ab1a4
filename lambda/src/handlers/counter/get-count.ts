import { RequestHandler } from 'ask-sdk-core';
import { readCounter } from '../../persistence/counter-store';
import { isIntent, speechOf } from '../request';

export const GetCountIntentHandler: RequestHandler = {
  canHandle: (handlerInput) => isIntent(handlerInput, 'GetCountIntent'),
  async handle(handlerInput) {
    const speech = speechOf(handlerInput);
    const count = await readCounter(handlerInput.attributesManager);
    return handlerInput.responseBuilder
      .speak(speech.currentCount(count))
      .reprompt(speech.reprompt)
      .getResponse();
  },
};
