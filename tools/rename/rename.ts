import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits, type JSONPath, modify } from 'jsonc-parser';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { readReplayFile } from '../dialog/ask-cli-files';
import { buildHostedBundleIn } from '../deploy/hosted-bundle';
import { git } from '../project/git';
import {
  interactionModelPath,
  type LocaleListing,
  readInvocationName,
  readLocaleListings,
  skillManifestPath,
} from '../project/skill-package';
import { languageOf } from '../languages';
import { invocationNameProblems } from '../skill-lint/invocation-name';
import { replaceInStringLiterals } from './source-strings';

/**
 * Makes the template someone's own skill: its name, invocation names, locales and package names, in every
 * file that states them, so that lint:skill, the tests and `npm start` work under the new names at once.
 * Files are edited in place (JSON through jsonc-parser), so a diff shows only what changed.
 */

export interface RenameRequest {
  /** The skill's name in every locale, as the Alexa app lists it and as the speech says it. */
  name?: string;
  /** The invocation name of every locale... */
  invocation?: string;
  /** ...except these. */
  invocationByLocale?: Record<string, string>;
  /** Keep only these of the existing locales. */
  locales?: string[];
  /** The npm package name; by default derived from `name`. */
  packageName?: string;
  /** One-word invocation names allowed as brands, as for lint:skill. */
  brandNames?: string[];
}

/** A request that cannot be carried out, said in one line; nothing has been changed. */
export class RenameRefused extends Error {}

/** The project's tests speak this locale, so it stays. */
const TESTED_LOCALE = 'en-US';
/** The limits of a skill name in skill.json. */
const SKILL_NAME_LENGTH = { min: 2, max: 50 };
const DIALOGS_DIR = path.join('test', 'dialogs');
const SPEECH_DIR = path.join('lambda', 'src', 'speech');

interface LocaleNames {
  /** The name in skill.json. */
  name: string;
  /** The name the speech says; another than skill.json's after `ask new`, which renames only skill.json. */
  spoken: string;
  invocation: string;
}

/** Carries out `request` on the project at `root`; returns the files it changed, relative to `root`. */
export function renameProject(root: string, request: RenameRequest): string[] {
  const listings = readLocaleListings(root);
  const existing = Object.keys(listings);
  const kept = checkLocales(existing, request.locales);
  const files = new ProjectFiles(root);
  const before = Object.fromEntries(
    existing.map((locale) => {
      const name = listings[locale].name ?? '';
      const invocation = readInvocationName(locale, root);
      return [
        locale,
        { name, invocation, spoken: spokenName(files, locale, [name, titleCase(invocation), invocation]) },
      ];
    }),
  ) as Record<string, LocaleNames>;
  const after = plannedNames(before, kept, request);
  const packageName = request.packageName ?? (request.name ? packageNameFor(request.name) : undefined);
  if (packageName !== undefined) checkPackageName(packageName);
  checkNothingUncommitted(root);
  // Read every replay file before the first edit, so that a broken one stops rename with nothing changed.
  const replays = files
    .list(DIALOGS_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ file, locale: readReplay(root, file).locale }));

  const dropped = existing.filter((locale) => !kept.includes(locale));
  renameInManifest(files, listings, before, after, dropped);
  for (const locale of kept) {
    files.editJson(path.relative(root, interactionModelPath(locale, root)), [
      [['interactionModel', 'languageModel', 'invocationName'], after[locale].invocation],
    ]);
  }
  for (const locale of dropped) files.remove(path.relative(root, interactionModelPath(locale, root)));
  renameInSpeech(files, before, after, dropped);
  renameInDialogs(files, replays, before, after, dropped);
  if (packageName !== undefined) renamePackages(files, packageName);
  renameInStackDescription(files, before[existing[0]], after[kept[0]]);
  const changed = [...new Set(files.changed)];
  // A longer name can make a line too long, and a quote in it makes Prettier pick the other quotes.
  const formattable = changed.filter((file) => files.exists(file));
  if (formattable.length > 0) {
    runNode(root, ['node_modules/prettier/bin/prettier.cjs', '--write', '--ignore-unknown', ...formattable]);
  }
  // Alexa-hosted runs the committed lambda/index.js, which holds the speech and the package name.
  if (changed.some((file) => file.split(path.sep)[0] === 'lambda')) {
    buildHostedBundleIn(root);
    changed.push(path.join('lambda', 'index.js'));
  }
  return changed;
}

function checkLocales(existing: string[], wanted: string[] | undefined): string[] {
  if (!wanted) return existing;
  const unknown = wanted.filter((locale) => !existing.includes(locale));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new RenameRefused(
      `--locales can only keep locales the skill has: ${unknown.join(', ') || 'none given'} ` +
        `is not one of ${existing.join(', ')}.`,
    );
  }
  if (existing.includes(TESTED_LOCALE) && !wanted.includes(TESTED_LOCALE)) {
    throw new RenameRefused(
      `--locales must keep ${TESTED_LOCALE}: the project's tests speak it. Drop it by hand along with its tests.`,
    );
  }
  return existing.filter((locale) => wanted.includes(locale));
}

function plannedNames(
  before: Record<string, LocaleNames>,
  kept: string[],
  request: RenameRequest,
): Record<string, LocaleNames> {
  const overrides = request.invocationByLocale ?? {};
  for (const locale of Object.keys(overrides)) {
    if (!kept.includes(locale)) {
      throw new RenameRefused(
        `--invocation ${locale}=...: the skill keeps no locale ${locale} (it has ${kept.join(', ')}).`,
      );
    }
  }
  const name = request.name?.trim();
  if (name !== undefined && (name.length < SKILL_NAME_LENGTH.min || name.length > SKILL_NAME_LENGTH.max)) {
    throw new RenameRefused(
      `--name must be ${SKILL_NAME_LENGTH.min} to ${SKILL_NAME_LENGTH.max} characters, as Alexa requires.`,
    );
  }
  return Object.fromEntries(
    kept.map((locale) => {
      const invocation = overrides[locale] ?? request.invocation;
      if (invocation !== undefined) {
        // The same rules as lint:skill: those of the locale's language.
        const language = languageOf(locale);
        if (!language) {
          throw new RenameRefused(
            `--invocation "${invocation}" (${locale}): no invocation-name rules for its language.`,
          );
        }
        const [problem] = invocationNameProblems(invocation, request.brandNames, language.invocationName);
        if (problem) throw new RenameRefused(`--invocation "${invocation}" (${locale}) ${problem}.`);
      }
      return [
        locale,
        {
          name: name ?? before[locale].name,
          spoken: name ?? before[locale].spoken,
          invocation: invocation ?? before[locale].invocation,
        },
      ];
    }),
  );
}

/** "Space Facts" → "space-facts": npm's rules, from the name's letters and digits. */
function packageNameFor(skillName: string): string {
  const slug = skillName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) {
    throw new RenameRefused(
      `--name "${skillName}" has no letters npm allows in a package name: also give --package-name <name>.`,
    );
  }
  return slug;
}

function checkPackageName(name: string): void {
  // The skill's own package is "<name>-skill", and npm allows at most 214 characters.
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name) || name.length > 208) {
    throw new RenameRefused(
      `--package-name "${name}" is not an npm package name: lower-case letters, digits, ".", "_" and "-", at most 208.`,
    );
  }
}

function checkNothingUncommitted(root: string): void {
  let status: string;
  try {
    status = git(root, ['status', '--porcelain', '--', '.']);
  } catch {
    return; // Not a git checkout (`ask new` leaves none): there is nothing to protect with git.
  }
  if (status) {
    throw new RenameRefused(
      'there are uncommitted changes, and rename edits many files: commit or stash them first, so that git diff ' +
        'shows what rename changed.',
    );
  }
}

/** The files of the project, edited in place; remembers which changed. */
class ProjectFiles {
  readonly changed: string[] = [];
  constructor(readonly root: string) {}

  read(file: string): string {
    return readFileSync(path.join(this.root, file), 'utf8');
  }

  exists(file: string): boolean {
    return existsSync(path.join(this.root, file));
  }

  write(file: string, text: string): void {
    if (text === this.read(file)) return;
    writeFileSync(path.join(this.root, file), text);
    this.changed.push(file);
  }

  editText(file: string, edit: (text: string) => string): void {
    if (this.exists(file)) this.write(file, edit(this.read(file)));
  }

  /** Sets (or, with undefined, removes) values inside a JSON file, keeping the rest of its text as it is. */
  editJson(file: string, changes: [JSONPath, unknown][]): void {
    this.editText(file, (text) =>
      changes.reduce((current, [at, value]) => {
        const edits = modify(current, at, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
        return applyEdits(current, edits);
      }, text),
    );
  }

  remove(file: string): void {
    if (!this.exists(file)) return;
    rmSync(path.join(this.root, file));
    this.changed.push(file);
  }

  list(folder: string): string[] {
    const full = path.join(this.root, folder);
    return existsSync(full) ? readdirSync(full).map((name) => path.join(folder, name)) : [];
  }
}

function renameInManifest(
  files: ProjectFiles,
  listings: Record<string, LocaleListing>,
  before: Record<string, LocaleNames>,
  after: Record<string, LocaleNames>,
  dropped: string[],
): void {
  const manifestFile = path.relative(files.root, skillManifestPath(files.root));
  const locales = ['manifest', 'publishingInformation', 'locales'];
  const changes: [JSONPath, unknown][] = [];
  for (const [locale, names] of Object.entries(after)) {
    const was = before[locale];
    changes.push([[...locales, locale, 'name'], names.name]);
    const { description, examplePhrases } = listings[locale];
    if (typeof description === 'string') {
      const renamed = replaceAll(replaceAll(description, was.name, names.name), was.spoken, names.spoken);
      changes.push([[...locales, locale, 'description'], renamed]);
    }
    (examplePhrases ?? []).forEach((phrase, index) => {
      changes.push([
        [...locales, locale, 'examplePhrases', index],
        replaceWords(phrase, was.invocation, names.invocation),
      ]);
    });
  }
  for (const locale of dropped) {
    changes.push([[...locales, locale], undefined]);
    changes.push([['manifest', 'privacyAndCompliance', 'locales', locale], undefined]);
  }
  files.editJson(manifestFile, changes);
}

/**
 * The speech says the skill's name in each locale's file, or in the file its language shares. A dropped
 * locale loses its file and its two lines in index.ts; a shared file goes once no locale imports it.
 */
function renameInSpeech(
  files: ProjectFiles,
  before: Record<string, LocaleNames>,
  after: Record<string, LocaleNames>,
  dropped: string[],
): void {
  const localeFile = (locale: string) => path.join(SPEECH_DIR, 'locales', `${locale}.ts`);
  for (const [locale, names] of Object.entries(after)) {
    files.editText(localeFile(locale), (text) =>
      replaceInStringLiterals(text, before[locale].spoken, names.spoken),
    );
  }
  for (const shared of files.list(path.join(SPEECH_DIR, 'shared'))) {
    const language = path.basename(shared, '.ts');
    const renamed = Object.entries(after).filter(([locale]) => locale.split('-')[0] === language);
    files.editText(shared, (text) =>
      renamed.reduce(
        (current, [locale, names]) => replaceInStringLiterals(current, before[locale].spoken, names.spoken),
        text,
      ),
    );
  }

  if (dropped.length === 0) return;
  for (const locale of dropped) files.remove(localeFile(locale));
  const quoted = dropped.map((locale) => escapeRegExp(locale)).join('|');
  files.editText(path.join(SPEECH_DIR, 'index.ts'), (text) =>
    text
      .replace(new RegExp(`^import .* from '\\./locales/(${quoted})';\\n`, 'gm'), '')
      .replace(new RegExp(`^\\s*'(${quoted})': \\w+,\\n`, 'gm'), ''),
  );
  const imports = files
    .list(path.join(SPEECH_DIR, 'locales'))
    .map((file) => files.read(file))
    .join('\n');
  for (const shared of files.list(path.join(SPEECH_DIR, 'shared'))) {
    const language = path.basename(shared, '.ts');
    if (!imports.includes(`'../shared/${language}'`)) files.remove(shared);
  }
}

/**
 * Replay files say the invocation name in what the user types; their transcripts also hold what Alexa
 * says, with the skill's name. A dropped locale's replays go.
 */
function renameInDialogs(
  files: ProjectFiles,
  replays: { file: string; locale: string }[],
  before: Record<string, LocaleNames>,
  after: Record<string, LocaleNames>,
  dropped: string[],
): void {
  for (const { file: replayFile, locale } of replays) {
    const transcriptFile = replayFile.replace(/\.json$/, '.txt');
    if (dropped.includes(locale)) {
      files.remove(replayFile);
      files.remove(transcriptFile);
      continue;
    }
    const was = before[locale];
    const names = after[locale];
    if (!was || !names) continue;
    const inputs = JSON.parse(files.read(replayFile)).userInput as string[];
    files.editJson(
      replayFile,
      inputs.map((input, index) => [
        ['userInput', index],
        replaceWords(input, was.invocation, names.invocation),
      ]),
    );
    files.editText(transcriptFile, (text) =>
      text
        .split('\n')
        .map((line) =>
          line.startsWith('User  > ')
            ? replaceWords(line, was.invocation, names.invocation)
            : replaceAll(replaceAll(line, was.spoken, names.spoken), was.invocation, names.invocation),
        )
        .join('\n'),
    );
  }
}

/** Both package.json files and the lock file that ties them, so that `npm ci` still installs. */
function renamePackages(files: ProjectFiles, packageName: string): void {
  const skillPackageName = `${packageName}-skill`;
  const oldSkillPackageName = JSON.parse(files.read(path.join('lambda', 'package.json'))).name as string;
  files.editJson('package.json', [[['name'], packageName]]);
  files.editJson(path.join('lambda', 'package.json'), [[['name'], skillPackageName]]);

  // npm writes its lock file as JSON.stringify with two spaces, so it is rewritten whole the same way.
  files.editText('package-lock.json', (text) => {
    const lock = JSON.parse(text) as {
      name: string;
      packages: Record<string, { name?: string }>;
    };
    lock.name = packageName;
    lock.packages[''].name = packageName;
    if (lock.packages.lambda) lock.packages.lambda.name = skillPackageName;
    lock.packages = Object.fromEntries(
      Object.entries(lock.packages).map(([key, entry]) => [
        key === `node_modules/${oldSkillPackageName}` ? `node_modules/${skillPackageName}` : key,
        entry,
      ]),
    );
    return `${JSON.stringify(lock, null, 2)}\n`;
  });
}

function renameInStackDescription(files: ProjectFiles, was: LocaleNames, names: LocaleNames): void {
  files.editText(path.join('infrastructure', 'cfn-deployer', 'skill-stack.yaml'), (text) =>
    text.replace(/^Description: .*$/m, (line) => {
      const description = String((parseYaml(line) as { Description: unknown }).Description);
      const renamed = replaceAll(replaceAll(description, was.name, names.name), was.spoken, names.spoken);
      // The yaml package quotes the value only where a plain one would not read back the same.
      return renamed === description
        ? line
        : stringifyYaml({ Description: renamed }, { lineWidth: 0 }).trimEnd();
    }),
  );
}

/** The first of `candidates` the locale's speech says (its own file or its language's shared one). */
function spokenName(files: ProjectFiles, locale: string, candidates: string[]): string {
  const speech = [
    path.join(SPEECH_DIR, 'locales', `${locale}.ts`),
    path.join(SPEECH_DIR, 'shared', `${locale.split('-')[0]}.ts`),
  ]
    .filter((file) => files.exists(file))
    .map((file) => files.read(file))
    .join('\n');
  return candidates.find((candidate) => candidate && speech.includes(candidate)) ?? candidates[0];
}

/** "hello counter" → "Hello Counter": how the template's names are written. */
export function titleCase(words: string): string {
  return words.replace(
    /(^|\s)(\p{L})/gu,
    (_match, space: string, letter: string) => space + letter.toUpperCase(),
  );
}

function readReplay(root: string, file: string): { locale: string } {
  try {
    return readReplayFile(path.join(root, file));
  } catch (error) {
    throw new RenameRefused(`${file}: ${(error as Error).message.replace(/\s+/g, ' ')}`);
  }
}

/** Runs one of the project's own Node tools in `root`. */
function runNode(root: string, args: string[]): void {
  const ran = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (ran.status !== 0) throw new Error(`node ${args.slice(0, 3).join(' ')} failed: ${ran.stderr.trim()}`);
}

function replaceAll(text: string, from: string, to: string): string {
  return from && from !== to ? text.split(from).join(to) : text;
}

/** Replaces `from` where it stands as whole words, in any letter case: "Alexa, launch Hello Counter". */
function replaceWords(text: string, from: string, to: string): string {
  if (!from || from === to) return text;
  // Japanese and Chinese are written without spaces: there a name borders on other letters.
  const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(from);
  const [before, after] = unspaced ? ['', ''] : ['(?<![\\p{L}\\p{N}])', '(?![\\p{L}\\p{N}])'];
  const words = new RegExp(`${before}${escapeRegExp(from)}${after}`, 'giu');
  return text.replace(words, () => to);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
