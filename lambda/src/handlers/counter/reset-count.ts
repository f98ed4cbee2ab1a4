import { RequestHandler } from 'ask-sdk-core';
import { deleteCounter } from '../../persistence/counter-store';
import { isIntent, speechOf } from '../request';

/** Deletes the user's item rather than storing zero: nothing is kept for a user who starts over. */
export const ResetCountIntentHandler: RequestHandler = {
  canHandle: (handlerInput) => isIntent(handlerInput, 'ResetCountIntent'),
  async handle(handlerInput) {
    const speech = speechOf(handlerInput);
    await deleteCounter(handlerInput.attributesManager);
    return handlerInput.responseBuilder.speak(speech.reset).reprompt(speech.reprompt).getResponse();
  },
};
