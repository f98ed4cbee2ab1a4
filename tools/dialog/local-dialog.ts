/**
 * What `npm start` and `npm run console` share: their options, and conversations with the skill from
 * lambda/src on the embedded DynamoDB that take in edits to lambda/src and skill-package/ before each
 * utterance. The two tools differ only in where utterances come from and where turns go.
 */
import path from 'node:path';
import { UsageError } from '../cli/command-line';
import { startLocalSkill, type LocalSkill, type SkillReload } from '../local/local-skill';
import { SkillLoadError } from '../local/skill-build';
import { chooseStore, STORE_OPTIONS, STORE_USAGE, type StoreChoice } from '../local/store-options';
import type { TypeProblems } from '../local/type-check';
import { createConversation, type Conversation } from './conversation';
import { createModelSource, type ModelReload, type ModelSource } from './model-source';
import { PROJECT_ROOT, readSkillId } from './project';
import type { Caller } from './request-envelopes';
import { withSkillLogsTo } from './skill-logs';

/** For node:util's parseArgs. */
export const DIALOG_OPTIONS = {
  locale: { type: 'string', short: 'l' },
  ...STORE_OPTIONS,
  'user-id': { type: 'string' },
  'device-id': { type: 'string' },
  strict: { type: 'boolean' },
} as const;

export const DIALOG_USAGE = `  --locale, -l LOCALE    the model and locale to use (default: the first locale of skill-package/skill.json)
${STORE_USAGE}
  --user-id ID           act as another user (default: local-user); their count is their own
  --device-id ID         act from another device of the same user (default: local-device)
  --strict               match samples as written: no filler word ("please", "um") is ignored`;

export interface DialogOptions {
  locale?: string;
  store: StoreChoice;
  userId: string;
  deviceId: string;
  strict: boolean;
}

export function readDialogOptions(values: {
  locale?: string;
  engine?: string;
  memory?: boolean;
  'data-dir'?: string;
  'user-id'?: string;
  'device-id'?: string;
  strict?: boolean;
}): DialogOptions {
  return {
    locale: values.locale,
    store: chooseStore(values),
    userId: userIdOf(values['user-id'] ?? 'local-user'),
    deviceId: deviceIdOf(values['device-id'] ?? 'local-device'),
    strict: values.strict ?? false,
  };
}

/** "alice" becomes "amzn1.ask.account.alice"; a full id stays as it is. */
export const userIdOf = (id: string) => alexaId('amzn1.ask.account.', id);
/** "kitchen" becomes "amzn1.ask.device.kitchen"; a full id stays as it is. */
export const deviceIdOf = (id: string) => alexaId('amzn1.ask.device.', id);

function alexaId(prefix: string, id: string): string {
  return id.startsWith('amzn1.') ? id : prefix + id;
}

/** Something changed in the project while the tool ran. */
export type ProjectChange =
  | { source: 'lambda/src'; reload: SkillReload }
  | { source: 'skill-package'; reload: ModelReload }
  /** The type check that follows a reload of lambda/src: [] when it found nothing. */
  | { source: 'type-check'; problems: TypeProblems };

export interface LocalDialog {
  /** The locale asked for, or skill.json's first. */
  readonly locale: string;
  /** The skill id of .ask/ask-states.json, or the placeholder until the skill is deployed. */
  readonly skillId: string;
  readonly skill: LocalSkill;
  readonly models: ModelSource;
  /**
   * A conversation as `caller` (a UsageError when the locale has no model). Before each utterance it takes
   * in what changed under lambda/src and skill-package/; the skill's log lines go to `log`.
   */
  converse(caller: Caller, log: (line: string) => void): Conversation;
  stop(): Promise<void>;
}

/**
 * Starts the skill on the chosen store, once the locale is known to have a model (so that a mistyped locale
 * does not wait for the store, nor take its data folder). What changes later goes to `onChange`.
 */
export async function startLocalDialog(options: {
  store: StoreChoice;
  /** skill.json's first locale when unset. */
  locale?: string;
  strict: boolean;
  onChange: (change: ProjectChange) => void;
  /** Another project's root (tests and benchmarks work on copies). */
  root?: string;
}): Promise<LocalDialog> {
  const { onChange, strict, root = PROJECT_ROOT } = options;
  const models = createModelSource(root);
  const locale = options.locale ?? models.locales()[0] ?? 'en-US';
  models.modelFor(locale);
  const skill = await startSkill({
    ...options.store,
    lambdaDir: path.join(root, 'lambda'),
    onTypeCheck: (problems) => onChange({ source: 'type-check', problems }),
  });

  const takeInChanges = async () => {
    const skillReload = await skill.refresh();
    if (skillReload) onChange({ source: 'lambda/src', reload: skillReload });
    const modelReload = models.refresh();
    if (modelReload) onChange({ source: 'skill-package', reload: modelReload });
  };

  return {
    locale,
    skillId: readSkillId(root),
    skill,
    models,
    converse(caller, log) {
      const conversation = createConversation({
        skill: withSkillLogsTo(skill, log),
        model: models.modelFor(caller.locale),
        caller,
        strict,
      });
      return {
        async say(utterance) {
          await takeInChanges();
          conversation.useModel(models.modelFor(caller.locale));
          return conversation.say(utterance);
        },
        useModel: conversation.useModel,
        get session() {
          return conversation.session;
        },
      };
    },
    stop: () => skill.stop(),
  };
}

/** A skill that does not load is the user's to fix, as the store's problems are (LocalStoreError). */
async function startSkill(options: Parameters<typeof startLocalSkill>[0]): Promise<LocalSkill> {
  try {
    return await startLocalSkill(options);
  } catch (error) {
    if (error instanceof SkillLoadError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

/** How the dialog tools put a change into words: a first line that says what happened, details below it. */
export function describeChange(change: ProjectChange): { level: 'note' | 'warning' | 'error'; text: string } {
  if (change.source === 'type-check') {
    if (change.problems.length === 0) return { level: 'note', text: 'lambda/src has no type errors.' };
    const heading =
      'lambda/src has type errors. The skill runs all the same, but npm run typecheck fails until they are fixed:';
    return {
      level: 'warning',
      text: [heading, ...change.problems.map((problem) => `  ${problem}`)].join('\n'),
    };
  }
  const what = change.source === 'lambda/src' ? 'the skill' : 'the interaction models';
  if (change.reload.kind === 'failed') {
    const heading = `${change.source} changed, but ${what} did not load; the last version that loaded goes on answering:`;
    return { level: 'error', text: `${heading}\n${change.reload.error}` };
  }
  const took = 'ms' in change.reload ? ` in ${Math.round(change.reload.ms)} ms` : '';
  return { level: 'note', text: `${change.source} changed: ${what} reloaded${took}.` };
}
