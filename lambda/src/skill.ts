import { PersistenceAdapter, Skill, SkillBuilders } from 'ask-sdk-core';
import { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { name as packageName } from '../package.json';
import { errorHandlers, requestHandlers } from './handlers';
import { startTimeBudget } from './time-budget';
import { isObject } from './is-object';

export interface SkillOptions {
  persistenceAdapter: PersistenceAdapter;
  /** Requests for any other skill id are rejected. */
  skillId?: string;
}

/** The skill, independent of where it runs: Lambda, Alexa-hosted, an HTTPS server or the local simulator. */
export function buildSkill({ persistenceAdapter, skillId }: SkillOptions): Skill {
  const configuration = SkillBuilders.custom()
    .addRequestHandlers(...requestHandlers)
    .addErrorHandlers(...errorHandlers)
    .withPersistenceAdapter(persistenceAdapter)
    // Named after the package, so that `npm run rename` renames it too.
    .withCustomUserAgent(packageName)
    .getSkillConfiguration();
  return new GuardedSkill(configuration, skillId);
}

/**
 * The skill keeps nothing in the session, yet the SDK copies whatever session attributes a request brings
 * (recursively: deep nesting overflows the stack) and sends them back in the response. Attributes larger
 * than this, or nested too deep to copy, are dropped, so the response stays inside Alexa's 24 KB.
 */
const MAX_SESSION_ATTRIBUTES_BYTES = 8 * 1024;

/**
 * The SDK's skill with what must happen before its dispatcher sees a request: the skill id check (the SDK's
 * own throws a TypeError on an envelope without `context`), session attributes made safe to copy and echo,
 * and the start of the request's time budget.
 */
class GuardedSkill extends Skill {
  constructor(
    configuration: ConstructorParameters<typeof Skill>[0],
    private readonly expectedSkillId: string | undefined,
  ) {
    super(configuration);
  }

  override async invoke(requestEnvelope: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
    if (this.expectedSkillId && applicationIdOf(requestEnvelope) !== this.expectedSkillId) {
      throw new Error('Skill ID verification failed: the request is for another skill');
    }
    const envelope = withSafeSessionAttributes(requestEnvelope);
    startTimeBudget(envelope, context);
    return super.invoke(envelope, context);
  }
}

function applicationIdOf(requestEnvelope: unknown): unknown {
  const path = ['context', 'System', 'application', 'applicationId'];
  return path.reduce<unknown>(
    (value, field) => (isObject(value) ? value[field] : undefined),
    requestEnvelope,
  );
}

function withSafeSessionAttributes(requestEnvelope: unknown): RequestEnvelope {
  if (!isObject(requestEnvelope)) return {} as RequestEnvelope;
  const session = requestEnvelope.session;
  if (!isObject(session) || session.attributes === undefined || fitsInResponse(session.attributes)) {
    return requestEnvelope as unknown as RequestEnvelope;
  }
  console.warn(`Session attributes dropped: more than ${MAX_SESSION_ATTRIBUTES_BYTES} bytes, or not a map`);
  return { ...requestEnvelope, session: { ...session, attributes: {} } } as unknown as RequestEnvelope;
}

function fitsInResponse(attributes: unknown): boolean {
  if (!isObject(attributes) || Array.isArray(attributes)) return false;
  try {
    return Buffer.byteLength(JSON.stringify(attributes)) <= MAX_SESSION_ATTRIBUTES_BYTES;
  } catch {
    return false; // nested beyond the stack
  }
}
