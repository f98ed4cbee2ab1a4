import { CancelAndStopIntentHandler } from './builtin/cancel-and-stop';
import { FallbackIntentHandler } from './builtin/fallback';
import { HelpIntentHandler } from './builtin/help';
import { NavigateHomeIntentHandler } from './builtin/navigate-home';
import { GetCountIntentHandler } from './counter/get-count';
import { HelloWorldIntentHandler } from './counter/hello-world';
import { IncrementIntentHandler } from './counter/increment';
import { ResetCountIntentHandler } from './counter/reset-count';
import { StorageErrorHandler, UnexpectedErrorHandler } from './errors';
import { LaunchRequestHandler } from './launch';
import { SessionEndedRequestHandler } from './session-ended';

export const requestHandlers = [
  LaunchRequestHandler,
  HelloWorldIntentHandler,
  IncrementIntentHandler,
  GetCountIntentHandler,
  ResetCountIntentHandler,
  HelpIntentHandler,
  CancelAndStopIntentHandler,
  NavigateHomeIntentHandler,
  FallbackIntentHandler,
  SessionEndedRequestHandler,
];

/** Checked in order: the first whose canHandle accepts the error answers. */
export const errorHandlers = [StorageErrorHandler, UnexpectedErrorHandler];
