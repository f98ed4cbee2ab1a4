import { randomUUID } from 'node:crypto';
import { Intent, RequestEnvelope } from 'ask-sdk-model';

export const TEST_SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

export interface Caller {
  userId?: string;
  deviceId?: string;
  locale?: string;
  skillId?: string;
}

/** A request envelope shaped as Alexa sends it, for one user on one device. */
export function envelope(request: Record<string, unknown>, caller: Caller = {}): RequestEnvelope {
  const application = { applicationId: caller.skillId ?? TEST_SKILL_ID };
  const user = { userId: caller.userId ?? 'amzn1.ask.account.TEST-USER' };
  const locale = caller.locale ?? 'en-US';
  return {
    version: '1.0',
    session: {
      new: true,
      sessionId: `amzn1.echo-api.session.${randomUUID()}`,
      application,
      user,
      attributes: {},
    },
    context: {
      System: {
        application,
        user,
        device: { deviceId: caller.deviceId ?? 'amzn1.ask.device.TEST-DEVICE', supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request: {
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: new Date().toISOString(),
      locale,
      ...request,
    },
  } as RequestEnvelope;
}

export function launchRequest(caller?: Caller): RequestEnvelope {
  return envelope({ type: 'LaunchRequest' }, caller);
}

export function intentRequest(
  name: string,
  slots: Record<string, string> = {},
  caller?: Caller,
): RequestEnvelope {
  const intent: Intent = {
    name,
    confirmationStatus: 'NONE',
    slots: Object.fromEntries(
      Object.entries(slots).map(([slot, value]) => [slot, { name: slot, value, confirmationStatus: 'NONE' }]),
    ),
  };
  return envelope({ type: 'IntentRequest', dialogState: 'COMPLETED', intent }, caller);
}

export function sessionEndedRequest(reason: string, caller?: Caller): RequestEnvelope {
  return envelope({ type: 'SessionEndedRequest', reason }, caller);
}
