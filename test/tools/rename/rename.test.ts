import { expect } from 'chai';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type LocaleListing,
  readInvocationName,
  readLocaleListings,
  readLocales,
} from '../../../tools/project/skill-package';
import { readStackTemplate } from '../../../tools/project/skill-stack';
import { titleCase } from '../../../tools/rename/rename';
import { commitAll, copyProject } from '../../support/project-copy';
import { moonTally, NEW_NAMES } from '../../support/rename-names';
import { type CommandResult, runCommand } from '../../support/commands';
import { git, gitEnv } from '../../support/git';

/**
 * `npm run rename` on copies of the project. The copies link the project's node_modules; each check runs
 * what matters for the renamed names (lint:skill, the replays, the speech, the simulator), not the whole suite.
 */
const tsNode = (cwd: string, script: string, args: string[], input?: string) =>
  runCommand(cwd, process.execPath, ['-r', 'ts-node/register', script, ...args], { input });
const rename = (cwd: string, ...args: string[]) => tsNode(cwd, 'tools/rename/cli.ts', args);
const read = (cwd: string, file: string) => readFileSync(path.join(cwd, file), 'utf8');
const readJson = (cwd: string, file: string) => JSON.parse(read(cwd, file));
const changedFiles = (cwd: string) =>
  runCommand(cwd, 'git', ['status', '--porcelain']).output.split('\n').filter(Boolean).sort();

/** The given mocha test files, in the copy, with the project's own setup. */
function runTests(cwd: string, files: string[], env?: NodeJS.ProcessEnv) {
  return runCommand(
    cwd,
    process.execPath,
    [
      path.join(cwd, 'node_modules', 'mocha', 'bin', 'mocha.js'),
      '--no-config',
      '--require',
      'ts-node/register',
      '--require',
      'test/support/setup.ts',
      '--timeout',
      '20000',
      ...files,
    ],
    { env: { ...gitEnv, ...env } },
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `npm ci` refuses a lock file out of step with the package.json files; it checks that before installing. */
function npmCiAccepts(project: string): CommandResult {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rename-lock-'));
  try {
    mkdirSync(path.join(folder, 'lambda'));
    for (const file of ['package.json', 'package-lock.json', 'lambda/package.json']) {
      cpSync(path.join(project, file), path.join(folder, file));
    }
    return runCommand(folder, 'npm', [
      'ci',
      '--dry-run',
      '--offline',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('npm run rename', function () {
  this.timeout(120_000);

  describe('in a git checkout of the project', () => {
    let project: string;
    /** The names the project has before the rename (the template's, or your own after a rename). */
    let original: {
      name: string;
      description: string;
      examplePhrases: string[];
      invocation: string;
      packageName: string;
      /** Every locale's name and invocation name, as skill.json and the models have them, and as spoken. */
      allNames: string[];
    };
    before(() => {
      project = copyProject(mkdtempSync(path.join(os.tmpdir(), 'rename-')));
      commitAll(project);
      const listings = readLocaleListings(project) as Record<string, Required<LocaleListing>>;
      original = {
        ...listings['en-US'],
        invocation: readInvocationName('en-US', project),
        packageName: readJson(project, 'package.json').name,
        allNames: readLocales(project).flatMap((locale) => {
          const invocation = readInvocationName(locale, project);
          return [listings[locale].name, invocation, titleCase(invocation)];
        }),
      };
    });
    after(() => rmSync(project, { recursive: true, force: true }));

    it('refuses an invocation name lint:skill would reject, naming the rule, and changes nothing', () => {
      const renamed = rename(project, '--name', 'Moon Tally', '--invocation', 'open moon tally');
      expect(renamed.status).to.equal(1);
      expect(renamed.output.trim()).to.equal(
        '[Error]: --invocation "open moon tally" (en-US) must not contain the launch word "open". ' +
          'Nothing was changed.',
      );
      expect(changedFiles(project)).to.deep.equal([]);
    });

    it('refuses to work over uncommitted changes', () => {
      writeFileSync(path.join(project, 'NOTES.md'), 'mine\n');
      try {
        const renamed = rename(project, ...moonTally(project));
        expect(renamed.status).to.equal(1);
        expect(renamed.output).to.include('there are uncommitted changes');
        expect(changedFiles(project)).to.deep.equal(['?? NOTES.md']);
      } finally {
        rmSync(path.join(project, 'NOTES.md'));
      }
    });

    it('answers a wrong option with one line and exit code 2', () => {
      const renamed = rename(project, '--nmae', 'Moon Tally');
      expect(renamed.status).to.equal(2);
      expect(renamed.output.trim().split('\n')).to.have.length(1);
      expect(renamed.output).to.match(
        /^\[Error\]: Unknown option '--nmae'.* Usage: npm run rename -- --name/,
      );
    });

    it('renames the skill, its invocation and its packages in the files that state them, and only there', () => {
      const renamed = rename(project, ...moonTally(project));
      expect(renamed.status, renamed.output).to.equal(0);
      const changed = changedFiles(project).map((line) => line.slice(3));
      expect(
        changedFiles(project).every((line) => line.startsWith(' M ')),
        'only changes, nothing added',
      ).to.equal(true);
      expect(changed).to.include.members([
        'infrastructure/cfn-deployer/skill-stack.yaml',
        'lambda/index.js',
        'lambda/package.json',
        'package-lock.json',
        'package.json',
        'skill-package/skill.json',
        ...readLocales(project).map((locale) => `skill-package/interactionModels/custom/${locale}.json`),
      ]);
      const renamable =
        /^(skill-package\/|lambda\/src\/speech\/(locales|shared)\/|test\/dialogs\/|infrastructure\/cfn-deployer\/skill-stack\.yaml$|(lambda\/)?package\.json$|package-lock\.json$|lambda\/index\.js$)/;
      expect(
        changed.filter((file) => !renamable.test(file)),
        'files that do not state the names',
      ).to.deep.equal([]);
      // Every line the rename changed names the new skill; nothing else moved.
      const diff = git(project, 'diff', '--unified=0', '--', '.', ':!lambda/index.js', ':!package-lock.json');
      const added = diff.split('\n').filter((line) => /^\+(?!\+\+)/.test(line));
      expect(added.filter((line) => !NEW_NAMES.test(line))).to.deep.equal([]);
      const removed = diff.split('\n').filter((line) => /^-(?!--)/.test(line));
      const oldNames = new RegExp(
        [...original.allNames, original.packageName].map(escapeRegExp).join('|'),
        'i',
      );
      expect(removed.filter((line) => !oldNames.test(line))).to.deep.equal([]);

      const listing = readLocaleListings(project)['en-US'];
      expect(listing.name).to.equal('Moon Tally');
      // The speech's name too, which ask new leaves as the template's while renaming skill.json.
      const spokenName = titleCase(original.invocation);
      expect(listing.description).to.include('Moon Tally');
      expect(listing.description).not.to.include(original.name);
      expect(listing.description).not.to.include(spokenName);
      expect(listing.examplePhrases).to.deep.equal(
        original.examplePhrases.map((phrase) => phrase.replace(original.invocation, 'moon tally')),
      );
      expect(readInvocationName('en-US', project)).to.equal('moon tally');
      expect(readJson(project, 'package.json').name).to.equal('moon-tally');
      expect(readJson(project, 'lambda/package.json').name).to.equal('moon-tally-skill');
      const lock = read(project, 'package-lock.json');
      expect(lock).not.to.include(`"${original.packageName}"`);
      expect(npmCiAccepts(project).status).to.equal(0);
      // The user agent and the local table are named after the packages.
      expect(read(project, 'lambda/index.js')).to.include('var name = "moon-tally-skill";');
      const tableName = runCommand(project, process.execPath, [
        '-r',
        'ts-node/register',
        '-e',
        "console.log(require('./tools/local/embedded-dynamodb').LOCAL_TABLE_NAME)",
      ]);
      expect(tableName.output.trim()).to.equal('moon-tally-local');
    });

    it('leaves a project whose skill package, replays, speech and simulator work under the new names', () => {
      const lint = tsNode(project, 'tools/skill-lint/cli.ts', []);
      expect(lint.status, lint.output).to.equal(0);
      const tests = runTests(project, [
        'test/tools/dialog/dialog-replays.test.ts',
        'test/lambda/speech/speech.test.ts',
      ]);
      expect(tests.status, tests.output).to.equal(0);
      const hostedBundle = runCommand(project, process.execPath, [
        '-r',
        'ts-node/register',
        '-e',
        "require('./tools/build/bundle').isHostedBundleCurrent().then((current) => console.log(current))",
      ]);
      expect(hostedBundle.output.trim(), 'lambda/index.js is what lambda/src builds').to.equal('true');
      const started = tsNode(project, 'tools/dialog/cli.ts', ['--memory'], 'open moon tally\n.quit\n');
      expect(started.status, started.output).to.equal(0);
      expect(started.output).to.include('Alexa > Welcome to Moon Tally. Your saved counter is 0.');
    });

    it('changes nothing when run again with the same names', () => {
      git(project, 'commit', '-q', '-am', 'Moon Tally');
      const again = rename(project, ...moonTally(project));
      expect(again.status, again.output).to.equal(0);
      expect(again.output).to.include('Nothing to change');
      expect(changedFiles(project)).to.deep.equal([]);
    });
  });

  describe('with several locales, in a folder that is not a git checkout (as ask new leaves it)', () => {
    let project: string;
    let locales: string[];
    let germanInvocation: string;
    const germanModel = 'skill-package/interactionModels/custom/de-DE.json';
    const replayOf = (locale: string) =>
      readdirSync(path.join(project, 'test/dialogs'))
        .filter((file) => file.endsWith('.json'))
        .map((file) => `test/dialogs/${file}`)
        .filter((file) => readJson(project, file).locale === locale);
    before(() => {
      project = copyProject(mkdtempSync(path.join(os.tmpdir(), 'rename-locales-')));
      // A project pruned to English alone gets a second locale for these tests.
      if (!existsSync(path.join(project, germanModel))) addGermanLocale(project);
      locales = readLocales(project);
      germanInvocation = readInvocationName('de-DE', project);
    });
    after(() => rmSync(project, { recursive: true, force: true }));

    it('sets every locale to --invocation, except those given as <locale>=<name>', () => {
      // A name with characters that need quoting in TypeScript strings and in YAML.
      const renamed = rename(
        project,
        '--name',
        "Sam's Space: Facts",
        ...moonTally(project).slice(2),
        '--invocation',
        'de-DE=weltraum fakten',
      );
      expect(renamed.status, renamed.output).to.equal(0);
      expect(readInvocationName('de-DE', project)).to.equal('weltraum fakten');
      const listings = readLocaleListings(project);
      for (const locale of locales) expect(listings[locale].name, locale).to.equal("Sam's Space: Facts");
      const germanPhrases = (listings['de-DE'].examplePhrases as string[]).join('\n');
      expect(germanPhrases).to.include('weltraum fakten').and.not.include(germanInvocation);
      const germanInputs = replayOf('de-DE').flatMap((file) => readJson(project, file).userInput as string[]);
      expect(germanInputs.join('\n')).to.include('weltraum fakten').and.not.include(germanInvocation);
      const germanSpeech = ['locales/de-DE.ts', 'shared/de.ts']
        .map((file) => path.join(project, 'lambda/src/speech', file))
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n');
      expect(germanSpeech).to.include("Sam's Space: Facts");
      expect(
        readStackTemplate(path.join(project, 'infrastructure/cfn-deployer/skill-stack.yaml')),
      ).to.include({
        Description: "Sam's Space: Facts Alexa skill - Lambda function and DynamoDB table",
      });
    });

    it("checks each locale's invocation name by its language's rules, as lint:skill does", () => {
      const renamed = rename(project, '--invocation', 'de-DE=öffne fakten');
      expect(renamed.status).to.equal(1);
      expect(renamed.output).to.include(
        '--invocation "öffne fakten" (de-DE) must not contain the launch word "öffne"',
      );
    });

    it('keeps only the locales of --locales: models, speech, skill.json entries and replays', () => {
      const kept = ['en-US', 'de-DE'];
      const sharedBefore = readdirSync(path.join(project, 'lambda/src/speech/shared'));
      const renamed = rename(project, '--locales', kept.join(','));
      expect(renamed.status, renamed.output).to.equal(0);
      for (const locale of locales.filter((candidate) => !kept.includes(candidate))) {
        expect(
          existsSync(path.join(project, `skill-package/interactionModels/custom/${locale}.json`)),
          locale,
        ).to.equal(false);
        expect(existsSync(path.join(project, `lambda/src/speech/locales/${locale}.ts`)), locale).to.equal(
          false,
        );
        expect(replayOf(locale), locale).to.deep.equal([]);
      }
      // A language's shared wording goes with its last locale.
      const keptLanguages = kept.map((locale) => locale.split('-')[0]);
      expect(readdirSync(path.join(project, 'lambda/src/speech/shared'))).to.have.members(
        sharedBefore.filter((file) => keptLanguages.includes(path.basename(file, '.ts'))),
      );
      const manifest = readJson(project, 'skill-package/skill.json').manifest;
      expect(Object.keys(manifest.publishingInformation.locales)).to.have.members(kept);
      expect(Object.keys(manifest.privacyAndCompliance.locales)).to.have.members(kept);
      const index = read(project, 'lambda/src/speech/index.ts');
      for (const locale of locales)
        expect(index.includes(`'${locale}'`), locale).to.equal(kept.includes(locale));
      expect(replayOf('de-DE')).to.not.deep.equal([]);
    });

    it('leaves a pruned project that passes lint:skill, the type check, formatting and its replays', () => {
      const lint = tsNode(project, 'tools/skill-lint/cli.ts', []);
      expect(lint.status, lint.output).to.equal(0);
      const typecheck = runCommand(project, process.execPath, [
        path.join(project, 'node_modules/typescript/bin/tsc'),
        '-p',
        '.',
      ]);
      expect(typecheck.status, typecheck.output).to.equal(0);
      const formatting = runCommand(project, process.execPath, [
        path.join(project, 'node_modules/prettier/bin/prettier.cjs'),
        '--check',
        'lambda/src',
        'skill-package',
        'test/dialogs',
      ]);
      expect(formatting.status, formatting.output).to.equal(0);
      const tests = runTests(project, [
        'test/tools/dialog/dialog-replays.test.ts',
        'test/lambda/speech/speech.test.ts',
      ]);
      expect(tests.status, tests.output).to.equal(0);
    });

    it('stops before changing anything at a replay file it cannot read', () => {
      writeFileSync(path.join(project, 'test/dialogs/broken.json'), '{"locale": ');
      try {
        const renamed = rename(project, '--name', 'Other Facts');
        expect(renamed.status).to.equal(1);
        expect(renamed.output).to.match(
          /^\[Error\]: test\/dialogs\/broken.json: Failed to parse file: .* Nothing was changed.\n$/,
        );
        expect(readLocaleListings(project)['en-US'].name).to.equal("Sam's Space: Facts");
      } finally {
        rmSync(path.join(project, 'test/dialogs/broken.json'));
      }
    });

    it('refuses to drop en-US, the locale the tests speak, or a locale the skill does not have', () => {
      expect(rename(project, '--locales', 'fr-FR').output).to.include(
        '--locales can only keep locales the skill has: fr-FR is not one of en-US, de-DE.',
      );
      expect(rename(project, '--locales', 'de-DE').output).to.include(
        "--locales must keep en-US: the project's tests speak it.",
      );
    });
  });
});

/** A German locale as the locale layout has it: model, skill.json entry, speech sharing a language file, a replay. */
function addGermanLocale(project: string): void {
  const model = readJson(project, 'skill-package/interactionModels/custom/en-US.json');
  model.interactionModel.languageModel.invocationName = 'hallo zähler';
  writeFileSync(
    path.join(project, 'skill-package/interactionModels/custom/de-DE.json'),
    `${JSON.stringify(model, null, 2)}\n`,
  );
  const manifest = readJson(project, 'skill-package/skill.json');
  manifest.manifest.publishingInformation.locales['de-DE'] = {
    name: 'Hallo Zähler',
    summary: 'Ein Zähler.',
    description: 'Hallo Zähler zählt für dich.',
    examplePhrases: ['Alexa, öffne hallo zähler'],
  };
  manifest.manifest.privacyAndCompliance.locales['de-DE'] = {};
  writeFileSync(path.join(project, 'skill-package/skill.json'), JSON.stringify(manifest, null, 2));

  const speech = path.join(project, 'lambda/src/speech');
  mkdirSync(path.join(speech, 'shared'), { recursive: true });
  writeFileSync(
    path.join(speech, 'shared/de.ts'),
    "import { enUS } from '../locales/en-US';\nimport { Speech } from '../speech';\n\n" +
      "export const german: Speech = {\n  ...enUS,\n  welcome: () => 'Willkommen bei Hallo Zähler.',\n};\n",
  );
  writeFileSync(
    path.join(speech, 'locales/de-DE.ts'),
    "import { german } from '../shared/de';\nimport { Speech } from '../speech';\n\nexport const deDE: Speech = german;\n",
  );
  const index = read(project, 'lambda/src/speech/index.ts')
    .replace(
      "import { enUS } from './locales/en-US';",
      "import { deDE } from './locales/de-DE';\nimport { enUS } from './locales/en-US';",
    )
    .replace("  'en-US': enUS,", "  'de-DE': deDE,\n  'en-US': enUS,");
  writeFileSync(path.join(speech, 'index.ts'), index);

  writeFileSync(
    path.join(project, 'test/dialogs/deutsch.json'),
    `${JSON.stringify(
      {
        skillId: 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000',
        locale: 'de-DE',
        type: 'text',
        userInput: ['öffne hallo zähler', '.quit'],
      },
      null,
      2,
    )}\n`,
  );
  // The transcript is what the simulator says in that locale today.
  const transcripts = runTests(project, ['test/tools/dialog/dialog-replays.test.ts'], {
    UPDATE_TRANSCRIPTS: '1',
  });
  expect(read(project, 'test/dialogs/deutsch.txt'), transcripts.output).to.include('hallo zähler');
}
