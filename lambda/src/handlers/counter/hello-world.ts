import { RequestHandler } from 'ask-sdk-core';
import { addToCount } from '../../counter/counter';
import { updateCounter } from '../../persistence/counter-store';
import { isIntent, speechOf } from '../request';

export const HelloWorldIntentHandler: RequestHandler = {
  canHandle: (handlerInput) => isIntent(handlerInput, 'HelloWorldIntent'),
  async handle(handlerInput) {
    const speech = speechOf(handlerInput);
    const count = await updateCounter(handlerInput, (current) => addToCount(current, 1));
    return handlerInput.responseBuilder.speak(speech.hello(count)).reprompt(speech.reprompt).getResponse();
  },
};
