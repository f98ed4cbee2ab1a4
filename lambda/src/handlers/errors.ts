import { ErrorHandler } from 'ask-sdk-core';
import { PersistenceError } from '../persistence/errors';
import { describeRequest, speechOf } from './request';

/** DynamoDB failed (missing table, access denied, throttling, no answer): apologise, keep the session. */
export const StorageErrorHandler: ErrorHandler = {
  canHandle: (_handlerInput, error) => error instanceof PersistenceError,
  handle(handlerInput, error) {
    console.error(`${describeRequest(handlerInput.requestEnvelope)}: ${error.name}: ${error.message}`);
    const speech = speechOf(handlerInput);
    return handlerInput.responseBuilder
      .speak(speech.storageUnavailable)
      .reprompt(speech.reprompt)
      .getResponse();
  },
};

/** Anything else: a request no handler takes, a malformed envelope, a bug. */
export const UnexpectedErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle(handlerInput, error) {
    console.error(`${describeRequest(handlerInput.requestEnvelope)}: ${error.stack ?? error.message}`);
    const speech = speechOf(handlerInput);
    return handlerInput.responseBuilder
      .speak(speech.somethingWentWrong)
      .reprompt(speech.reprompt)
      .getResponse();
  },
};
