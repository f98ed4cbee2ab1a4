import { existsSync } from 'node:fs';
import path from 'node:path';
import { asUsageError, UsageError } from '../cli/command-line';
import { requireLanguage } from '../languages';
import { fingerprintOf } from '../local/source-fingerprint';
import { interactionModelPath, readLocales } from '../project/skill-package';
import { readInteractionModel, type InteractionModel } from './interaction-model';
import { PROJECT_ROOT } from './project';

/**
 * The skill package as the dialog tools see it while people edit it: skill.json's locales and each locale's
 * interaction model, read again when anything under skill-package/ changed (`refresh`, before each
 * utterance, as lambda/src is; see tools/local/local-skill.ts for why a fingerprint rather than a watcher).
 */
export interface ModelSource {
  /** skill.json's locales; the first is the default. */
  locales(): string[];
  /** The locale's model as last read without error; a UsageError when there is none or its language is unknown. */
  modelFor(locale: string): InteractionModel;
  /**
   * Reads skill.json and the models in use again if skill-package/ changed since the last look. A file that
   * no longer reads is reported, and its last good version stays in use. Undefined when nothing changed.
   */
  refresh(): ModelReload | undefined;
}

export type ModelReload = { kind: 'reloaded' } | { kind: 'failed'; error: string };

export function createModelSource(root = PROJECT_ROOT): ModelSource {
  const packageDir = path.join(root, 'skill-package');
  let fingerprint = fingerprintOf(packageDir);
  let locales = asUsageError(() => readLocales(root));
  const models = new Map<string, InteractionModel>();

  return {
    locales: () => locales,
    modelFor(locale) {
      const known = models.get(locale);
      if (known) return known;
      const file = asUsageError(() => interactionModelPath(locale, root));
      if (!existsSync(file)) throw new UsageError(`There is no interaction model for ${locale} at ${file}`);
      asUsageError(() => requireLanguage(locale));
      const model = asUsageError(() => readInteractionModel(file));
      models.set(locale, model);
      return model;
    },
    refresh() {
      const now = fingerprintOf(packageDir);
      if (now === fingerprint) return undefined;
      fingerprint = now;
      const errors: string[] = [];
      const attempt = (read: () => void, file?: string) => {
        try {
          read();
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          errors.push(file ? `${file}: ${message}` : message);
        }
      };
      attempt(() => (locales = readLocales(root)), path.join('skill-package', 'skill.json'));
      for (const locale of models.keys()) {
        attempt(() => models.set(locale, readInteractionModel(interactionModelPath(locale, root))));
      }
      return errors.length > 0 ? { kind: 'failed', error: errors.join('\n') } : { kind: 'reloaded' };
    },
  };
}
