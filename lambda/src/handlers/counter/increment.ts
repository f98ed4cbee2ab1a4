import { getSlotValue, RequestHandler } from 'ask-sdk-core';
import { addToCount, checkAmount, MAX_AMOUNT, MIN_AMOUNT } from '../../counter/counter';
import { updateCounter } from '../../persistence/counter-store';
import { isIntent, speechOf } from '../request';

export const IncrementIntentHandler: RequestHandler = {
  canHandle: (handlerInput) => isIntent(handlerInput, 'IncrementIntent'),
  async handle(handlerInput) {
    const speech = speechOf(handlerInput);
    const check = checkAmount(getSlotValue(handlerInput.requestEnvelope, 'amount') ?? undefined);
    if (!check.valid) {
      return handlerInput.responseBuilder
        .speak(speech.amountNotAllowed(MIN_AMOUNT, MAX_AMOUNT))
        .reprompt(speech.reprompt)
        .getResponse();
    }
    const { amount } = check;
    const count = await updateCounter(handlerInput, (current) => addToCount(current, amount));
    return handlerInput.responseBuilder
      .speak(speech.added(amount, count))
      .reprompt(speech.reprompt)
      .getResponse();
  },
};
