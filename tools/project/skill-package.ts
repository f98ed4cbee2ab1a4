import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The skill package's files: `skill-package/skill.json` and one interaction model per locale. */

export interface LocaleListing {
  name?: string;
  description?: string;
  examplePhrases?: string[];
}

export function skillManifestPath(projectRoot: string): string {
  return path.join(projectRoot, 'skill-package', 'skill.json');
}

/** Alexa's locales: a language and a country, as in "en-US". Nothing else may name a file here. */
export const LOCALE = /^[a-z]{2}-[A-Z]{2}$/;

/** The file of the locale's model; throws for what is not a locale ("en-US/../x", "__proto__"). */
export function interactionModelPath(locale: string, projectRoot: string): string {
  if (!LOCALE.test(locale)) throw new Error(`"${locale}" is not a locale: Alexa's locales look like en-US.`);
  return path.join(projectRoot, 'skill-package', 'interactionModels', 'custom', `${locale}.json`);
}

/** `publishingInformation.locales` of skill.json, in file order: the first is the default, as for `ask dialog`. */
export function readLocaleListings(projectRoot: string): Record<string, LocaleListing> {
  const file = skillManifestPath(projectRoot);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    manifest?: { publishingInformation?: { locales?: unknown } };
  };
  const locales = manifest.manifest?.publishingInformation?.locales ?? {};
  if (typeof locales !== 'object' || locales === null || Array.isArray(locales)) {
    throw new Error(`${file}: manifest.publishingInformation.locales must be a JSON object.`);
  }
  return locales as Record<string, LocaleListing>;
}

export function readLocales(projectRoot: string): string[] {
  return Object.keys(readLocaleListings(projectRoot));
}

/** The invocation name of a locale's interaction model. */
export function readInvocationName(locale: string, projectRoot: string): string {
  const file = interactionModelPath(locale, projectRoot);
  const model = JSON.parse(readFileSync(file, 'utf8')) as {
    interactionModel?: { languageModel?: { invocationName?: unknown } };
  };
  const name = model.interactionModel?.languageModel?.invocationName;
  if (typeof name !== 'string') throw new Error(`${file} has no invocationName.`);
  return name;
}
