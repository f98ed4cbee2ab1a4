import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  interactionModelProblems,
  type InteractionModelFile,
  type ModelCheckOptions,
} from './interaction-model';

interface SkillManifestFile {
  manifest?: { publishingInformation?: { locales?: Record<string, unknown> } };
}

/**
 * Checks `skill.json` and every interaction model under `skillPackageDir` offline. Returns one line per
 * problem, each starting with the file it is in (relative to the skill package's parent); empty when clean.
 */
export function lintSkillPackage(skillPackageDir: string, options: ModelCheckOptions): string[] {
  const shown = (file: string) => path.relative(path.dirname(skillPackageDir), file);
  const manifestPath = path.join(skillPackageDir, 'skill.json');
  const modelsDir = path.join(skillPackageDir, 'interactionModels', 'custom');
  const problems: string[] = [];

  const manifest = readJson<SkillManifestFile>(manifestPath);
  if (typeof manifest === 'string') return [`${shown(manifestPath)}: ${manifest}`];
  const manifestLocales = Object.keys(manifest.manifest?.publishingInformation?.locales ?? {});
  if (manifestLocales.length === 0) {
    problems.push(`${shown(manifestPath)}: lists no locales under manifest.publishingInformation.locales`);
  }
  for (const locale of manifestLocales) {
    if (!existsSync(path.join(modelsDir, `${locale}.json`))) {
      problems.push(
        `${shown(manifestPath)}: locale ${locale} has no model ${shown(path.join(modelsDir, `${locale}.json`))}`,
      );
    }
  }

  const modelFiles = existsSync(modelsDir)
    ? readdirSync(modelsDir).filter((name) => name.endsWith('.json'))
    : [];
  for (const modelFile of modelFiles.sort()) {
    const modelPath = path.join(modelsDir, modelFile);
    const model = readJson<InteractionModelFile>(modelPath);
    const locale = path.basename(modelFile, '.json');
    const modelProblems =
      typeof model === 'string' ? [model] : interactionModelProblems(model, options, locale);
    problems.push(...modelProblems.map((problem) => `${shown(modelPath)}: ${problem}`));
  }
  return problems;
}

/** The parsed file, or why it could not be read. */
function readJson<T>(file: string): T | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 'is missing';
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `is not valid JSON (${(error as Error).message})`;
  }
  return typeof value === 'object' && value !== null ? (value as T) : 'is not a JSON object';
}
