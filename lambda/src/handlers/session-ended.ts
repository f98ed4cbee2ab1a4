import { RequestHandler } from 'ask-sdk-core';
import { SessionEndedRequest } from 'ask-sdk-model';
import { isRequestType } from './request';

/** Alexa accepts no speech here; the reason is logged so that errors on the device side show up. */
export const SessionEndedRequestHandler: RequestHandler = {
  canHandle: (handlerInput) => isRequestType(handlerInput, 'SessionEndedRequest'),
  handle(handlerInput) {
    const { reason, error } = handlerInput.requestEnvelope.request as SessionEndedRequest;
    if (error) console.warn(`Session ended: ${reason} (${error.type}: ${error.message})`);
    else console.info(`Session ended: ${reason}`);
    return handlerInput.responseBuilder.getResponse();
  },
};
