import { ErrorHandler, HandlerInput } from 'ask-sdk-core';
import { Response } from 'ask-sdk-model';
import { ConcurrentUpdateError, ItemTooLargeError, PersistenceError } from '../persistence/errors';
import { Speech } from '../speech';
import { describeRequest, isRequestType, speechOf } from './request';

/**
 * DynamoDB failed: the user hears what happened, and the session stays open. Many devices counting at once,
 * an item at DynamoDB's size limit, and anything else (missing table, access denied, throttling, no answer)
 * each get their own sentence.
 */
export const StorageErrorHandler: ErrorHandler = {
  canHandle: (_handlerInput, error) => error instanceof PersistenceError,
  handle(handlerInput, error) {
    console.error(`${describeRequest(handlerInput.requestEnvelope)}: ${error.name}: ${error.message}`);
    return apologise(handlerInput, (speech) => {
      if (error instanceof ConcurrentUpdateError) return speech.tooManyUpdates;
      if (error instanceof ItemTooLargeError) return speech.savedDataTooLarge;
      return speech.storageUnavailable;
    });
  },
};

/** Anything else: a request no handler takes, a malformed envelope, a bug. */
export const UnexpectedErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle(handlerInput, error) {
    console.error(`${describeRequest(handlerInput.requestEnvelope)}: ${error.stack ?? error.message}`);
    return apologise(handlerInput, (speech) => speech.somethingWentWrong);
  },
};

/** Alexa takes no speech in answer to SessionEndedRequest; every other request hears the apology. */
function apologise(handlerInput: HandlerInput, sentence: (speech: Speech) => string): Response {
  const { responseBuilder } = handlerInput;
  if (isSessionEnd(handlerInput)) return responseBuilder.getResponse();
  const speech = speechOf(handlerInput);
  return responseBuilder.speak(sentence(speech)).reprompt(speech.reprompt).getResponse();
}

function isSessionEnd(handlerInput: HandlerInput): boolean {
  try {
    return isRequestType(handlerInput, 'SessionEndedRequest');
  } catch {
    return false;
  }
}
