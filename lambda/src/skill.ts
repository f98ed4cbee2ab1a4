import { PersistenceAdapter, Skill, SkillBuilders } from 'ask-sdk-core';
import { errorHandlers, requestHandlers } from './handlers';

export interface SkillOptions {
  persistenceAdapter: PersistenceAdapter;
  /** Requests for any other skill id are rejected. */
  skillId?: string;
}

/** The skill, independent of where it runs: Lambda, Alexa-hosted, an HTTPS server or the local simulator. */
export function buildSkill({ persistenceAdapter, skillId }: SkillOptions): Skill {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...requestHandlers)
    .addErrorHandlers(...errorHandlers)
    .withPersistenceAdapter(persistenceAdapter)
    .withCustomUserAgent('hello-counter-typescript');
  if (skillId) builder.withSkillId(skillId);
  return builder.create();
}
