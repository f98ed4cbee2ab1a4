import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './project-copy';

/** What the store shows for one locale (`manifest.publishingInformation.locales.<locale>` in skill.json). */
export interface PublishedLocale {
  name: string;
  summary: string;
  description: string;
  examplePhrases: string[];
  keywords: string[];
}

export interface SkillManifest {
  /** In skill.json's order: the first is the locale `npm start` uses. */
  published: Record<string, PublishedLocale>;
  privacyLocales: string[];
}

/** The parts of skill-package/skill.json the tests compare with the models and the speech. */
export function readSkillManifest(root = PROJECT_ROOT): SkillManifest {
  const { manifest } = JSON.parse(readFileSync(path.join(root, 'skill-package', 'skill.json'), 'utf8'));
  return {
    published: manifest.publishingInformation.locales,
    privacyLocales: Object.keys(manifest.privacyAndCompliance?.locales ?? {}),
  };
}

/** The skill's name in each locale, as the store shows it and the welcome says it. */
export function skillNames(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(readSkillManifest().published).map(([locale, published]) => [locale, published.name]),
  );
}
