import { RequestHandler } from 'ask-sdk-core';
import { SessionEndedRequest } from 'ask-sdk-model';
import { isRequestType, loggable } from './request';

/** Alexa accepts no speech here; the reason is logged so that errors on the device side show up. */
export const SessionEndedRequestHandler: RequestHandler = {
  canHandle: (handlerInput) => isRequestType(handlerInput, 'SessionEndedRequest'),
  handle(handlerInput) {
    const { reason, error } = handlerInput.requestEnvelope.request as Partial<SessionEndedRequest>;
    if (error) {
      console.warn(
        `Session ended: ${loggable(reason)} (${loggable(error.type)}: ${loggable(error.message)})`,
      );
    } else {
      console.info(`Session ended: ${loggable(reason)}`);
    }
    return handlerInput.responseBuilder.getResponse();
  },
};
