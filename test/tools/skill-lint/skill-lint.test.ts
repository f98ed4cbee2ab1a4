import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HANDLED_INTENTS } from '../../../lambda/src/intents';
import type { InteractionModelFile, ModelCheckOptions } from '../../../tools/skill-lint/interaction-model';
import { languageOf } from '../../../tools/languages';
import { invocationNameProblems } from '../../../tools/skill-lint/invocation-name';
import { lintSkillPackage } from '../../../tools/skill-lint/skill-package';

const projectRoot = path.resolve(__dirname, '../../..');
const projectSkillPackage = path.join(projectRoot, 'skill-package');
const lintOptions: ModelCheckOptions = { handledIntents: HANDLED_INTENTS, brandNames: [] };

type LanguageModel = Required<Required<InteractionModelFile>['interactionModel']>['languageModel'];
type Intent = Required<LanguageModel>['intents'][number];

interface EditableSkillPackage {
  manifest: { manifest: { publishingInformation: { locales: Record<string, unknown> } } };
  models: Record<string, { interactionModel: { languageModel: LanguageModel } }>;
}

const readProjectJson = (relative: string) =>
  JSON.parse(readFileSync(path.join(projectSkillPackage, relative), 'utf8'));

/** Writes the project's skill package with its en-US locale only, changed by `edit`, to a temp dir; returns the dir. */
function skillPackageWith(edit: (skillPackage: EditableSkillPackage) => void): string {
  const manifest = readProjectJson('skill.json');
  const { 'en-US': enUS } = manifest.manifest.publishingInformation.locales;
  manifest.manifest.publishingInformation.locales = { 'en-US': enUS };
  const skillPackage: EditableSkillPackage = {
    manifest,
    models: { 'en-US': readProjectJson('interactionModels/custom/en-US.json') },
  };
  edit(skillPackage);
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'skill-lint-')), 'skill-package');
  mkdirSync(path.join(dir, 'interactionModels', 'custom'), { recursive: true });
  writeFileSync(path.join(dir, 'skill.json'), JSON.stringify(skillPackage.manifest));
  for (const [locale, model] of Object.entries(skillPackage.models)) {
    writeFileSync(path.join(dir, 'interactionModels', 'custom', `${locale}.json`), JSON.stringify(model));
  }
  return dir;
}

const languageModel = (skillPackage: EditableSkillPackage) =>
  skillPackage.models['en-US'].interactionModel.languageModel;
const intentNamed = (skillPackage: EditableSkillPackage, name: string): Intent => {
  const intent = languageModel(skillPackage).intents?.find((candidate) => candidate.name === name);
  if (!intent) throw new Error(`the project's model has no ${name}`);
  return intent;
};

function runCli(...args: string[]) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register', 'tools/skill-lint/cli.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
}

describe('npm run lint:skill', () => {
  const tempDirs: string[] = [];
  const lintPackageWith = (edit: (skillPackage: EditableSkillPackage) => void, options = lintOptions) => {
    const dir = skillPackageWith(edit);
    tempDirs.push(path.dirname(dir));
    return lintSkillPackage(dir, options);
  };
  after(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("passes on the project's own skill package, and the command exits 0", () => {
    expect(lintSkillPackage(projectSkillPackage, lintOptions)).to.deep.equal([]);
    const run = runCli();
    expect(run.status, run.stderr).to.equal(0);
  });

  it('fails with a clear message on one sample under two intents, and the command exits non-zero', () => {
    const dir = skillPackageWith((skillPackage) =>
      intentNamed(skillPackage, 'GetCountIntent').samples?.push('Say Hello'),
    );
    tempDirs.push(path.dirname(dir));
    const expected =
      'skill-package/interactionModels/custom/en-US.json: sample "Say Hello" is under two intents, HelloWorldIntent and GetCountIntent';
    expect(lintSkillPackage(dir, lintOptions)).to.deep.equal([expected]);

    const run = runCli(dir);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.include(expected);
  });

  it('treats samples that differ only in the names of same-typed slots as the same utterance', () => {
    const problems = lintPackageWith((skillPackage) => {
      const getCount = intentNamed(skillPackage, 'GetCountIntent');
      getCount.slots = [{ name: 'howMuch', type: 'AMAZON.NUMBER' }];
      getCount.samples?.push('add {howMuch}');
    });
    expect(problems).to.deep.equal([
      'skill-package/interactionModels/custom/en-US.json: sample "add {howMuch}" is under two intents, IncrementIntent and GetCountIntent',
    ]);
  });

  it('rejects a sample that uses a slot its intent does not declare', () => {
    const problems = lintPackageWith((skillPackage) =>
      intentNamed(skillPackage, 'IncrementIntent').samples?.push('add {much}'),
    );
    expect(problems.join('\n')).to.include(
      'IncrementIntent: sample "add {much}" uses slot {much}, which the intent does not declare',
    );
  });

  it('rejects a slot of a type that is neither built in nor defined, and accepts one defined in "types"', () => {
    const withUnknownType = lintPackageWith((skillPackage) => {
      intentNamed(skillPackage, 'IncrementIntent').slots = [{ name: 'amount', type: 'CounterStep' }];
    });
    expect(withUnknownType).to.deep.equal([
      'skill-package/interactionModels/custom/en-US.json: IncrementIntent: slot {amount} has type CounterStep, which is neither built in nor in "types"',
    ]);

    const withDefinedType = lintPackageWith((skillPackage) => {
      intentNamed(skillPackage, 'IncrementIntent').slots = [{ name: 'amount', type: 'CounterStep' }];
      languageModel(skillPackage).types = [{ name: 'CounterStep' }];
    });
    expect(withDefinedType).to.deep.equal([]);
  });

  it('rejects a model that lacks an intent the code handles, naming the intent', () => {
    const problems = lintPackageWith((skillPackage) => {
      const model = languageModel(skillPackage);
      model.intents = model.intents?.filter((intent) => intent.name !== 'ResetCountIntent');
    });
    expect(problems).to.deep.equal([
      'skill-package/interactionModels/custom/en-US.json: lacks ResetCountIntent, which the skill code handles',
    ]);
  });

  it('rejects a model intent that no handler answers', () => {
    const problems = lintPackageWith((skillPackage) => {
      languageModel(skillPackage).intents?.push({ name: 'DoubleIntent', slots: [], samples: ['double it'] });
    });
    expect(problems.join('\n')).to.include('declares DoubleIntent, which no handler answers');
  });

  it('rejects a model without a required built-in intent, even one the code does not handle', () => {
    const problems = lintPackageWith(
      (skillPackage) => {
        const model = languageModel(skillPackage);
        model.intents = model.intents?.filter((intent) => intent.name !== 'AMAZON.NavigateHomeIntent');
      },
      {
        ...lintOptions,
        handledIntents: HANDLED_INTENTS.filter((intent) => intent !== 'AMAZON.NavigateHomeIntent'),
      },
    );
    expect(problems).to.deep.equal([
      'skill-package/interactionModels/custom/en-US.json: lacks the required built-in intent AMAZON.NavigateHomeIntent',
    ]);
  });

  it('rejects a manifest locale that has no interaction model', () => {
    const problems = lintPackageWith((skillPackage) => {
      skillPackage.manifest.manifest.publishingInformation.locales['en-GB'] = { name: 'Hello Counter' };
    });
    expect(problems).to.deep.equal([
      'skill-package/skill.json: locale en-GB has no model skill-package/interactionModels/custom/en-GB.json',
    ]);
  });

  it('checks the invocation name of every model', () => {
    const problems = lintPackageWith((skillPackage) => {
      languageModel(skillPackage).invocationName = 'open hello counter';
    });
    expect(problems).to.deep.equal([
      'skill-package/interactionModels/custom/en-US.json: invocation name "open hello counter" must not contain the launch word "open"',
    ]);
  });

  it('reports a model that is not valid JSON instead of crashing', () => {
    const dir = skillPackageWith(() => undefined);
    tempDirs.push(path.dirname(dir));
    writeFileSync(path.join(dir, 'interactionModels', 'custom', 'en-US.json'), '{ "interactionModel": ');
    const [problem] = lintSkillPackage(dir, lintOptions);
    expect(problem).to.match(/^skill-package\/interactionModels\/custom\/en-US\.json: is not valid JSON/);
  });
});

describe('invocation name rules', () => {
  it('accepts lower-case names of two or more words, with possessives and spelled-out abbreviations', () => {
    for (const name of ['hello counter', "sam's tally", 'n. p. r. counter', 'mi contador']) {
      expect(invocationNameProblems(name), name).to.deep.equal([]);
    }
  });

  const rejected: [name: string, problem: string][] = [
    ['Hello Counter', 'must be lower case'],
    ['counter', 'needs at least two words unless it is a brand name (pass --brand-name to allow it)'],
    ['counter 2', 'may contain only letters, spaces, apostrophes and periods (spell out numbers)'],
    ['hello-counter tool', 'may contain only letters, spaces, apostrophes and periods (spell out numbers)'],
    ['alexa counter', 'must not contain "alexa"'],
    ['amazon counter', 'must not contain "amazon"'],
    ['echo counter', 'must not contain "echo"'],
    ['counter skill', 'must not contain "skill"'],
    ['counter app', 'must not contain "app"'],
    ...[
      'open',
      'ask',
      'tell',
      'launch',
      'start',
      'load',
      'begin',
      'enable',
      'play',
      'resume',
      'run',
      'use',
    ].map((word): [string, string] => [`${word} my counter`, `must not contain the launch word "${word}"`]),
    ['to and from', 'must not be only connecting words'],
    ['', 'is empty'],
  ];
  for (const [name, problem] of rejected) {
    it(`rejects "${name}": ${problem}`, () => {
      expect(invocationNameProblems(name)).to.include(problem);
    });
  }

  it('accepts a one-word name that is declared a brand', () => {
    expect(invocationNameProblems('zorblax', ['zorblax'])).to.deep.equal([]);
  });
});

describe("invocation name rules in each language (from the language's file in tools/languages)", () => {
  const problemsIn = (locale: string, name: string, brands: string[] = []) => {
    const language = languageOf(locale);
    if (!language) throw new Error(`no language for ${locale}`);
    return invocationNameProblems(name, brands, language.invocationName);
  };

  const accepted: [locale: string, name: string][] = [
    ['de-DE', 'hallo zähler'],
    ['de-DE', 'tageshoroskop'], // one compound word is allowed in German
    ['es-ES', 'contador mágico'],
    ['fr-FR', 'mon compteur préféré'],
    ['it-IT', 'contatore magico'],
    ['pt-BR', 'contador de visitas'],
    ['ja-JP', 'ハローカウンター'],
    ['ja-JP', '数え上げ名人'],
    ['hi-IN', 'हेलो काउंटर'],
    ['ar-SA', 'عداد الترحيب'],
    ['nl-NL', 'hallo teller'],
  ];
  for (const [locale, name] of accepted) {
    it(`accepts "${name}" in ${locale}`, () => expect(problemsIn(locale, name)).to.deep.equal([]));
  }

  const rejected: [locale: string, name: string, problem: string][] = [
    ['de-DE', 'öffne zähler', 'must not contain the launch word "öffne"'],
    ['de-DE', 'frag den zähler', 'must not contain the launch word "frag"'],
    ['es-ES', 'abre contador', 'must not contain the launch word "abre"'],
    [
      'es-ES',
      'contador',
      'needs at least two words unless it is a brand name (pass --brand-name to allow it)',
    ],
    ['fr-FR', 'lance mon compteur', 'must not contain the launch word "lance"'],
    ['it-IT', 'apri contatore', 'must not contain the launch word "apri"'],
    ['pt-BR', 'abra contador', 'must not contain the launch word "abra"'],
    ['ja-JP', 'カウンターを開いて', 'must not contain the launch word "開いて"'],
    ['ja-JP', 'アレクサカウンター', 'must not contain "アレクサ"'],
    [
      'ja-JP',
      'カウンター2',
      'may contain only kana, kanji and Latin letters, spaces, apostrophes and periods (spell out numbers)',
    ],
    ['hi-IN', 'काउंटर खोलो', 'must not contain the launch word "खोलो"'],
    ['hi-IN', 'अमेज़न काउंटर', 'must not contain "अमेज़न"'],
    ['ar-SA', 'افتح العداد', 'must not contain the launch word "افتح"'],
    ['ar-SA', 'امازون العداد', 'must not contain "أمازون"'],
    [
      'ar-SA',
      'counter عداد',
      'may contain only Arabic letters, spaces, apostrophes and periods (spell out numbers)',
    ],
    ['nl-NL', 'vraag teller', 'must not contain the launch word "vraag"'],
    ['nl-NL', 'de van', 'must not be only connecting words'],
  ];
  for (const [locale, name, problem] of rejected) {
    it(`rejects "${name}" in ${locale}: ${problem}`, () =>
      expect(problemsIn(locale, name)).to.include(problem));
  }

  it('Japanese names have no words to count, and German allows one compound word: no brand needed', () => {
    expect(problemsIn('ja-JP', 'カウンター')).to.deep.equal([]);
    expect(problemsIn('de-DE', 'zählwerk')).to.deep.equal([]);
    expect(problemsIn('en-US', 'counter')).to.include(
      'needs at least two words unless it is a brand name (pass --brand-name to allow it)',
    );
  });

  it("checks each model by its locale's language, and the language-free checks in every locale", () => {
    const dir = skillPackageWith((skillPackage) => {
      const german = structuredClone(skillPackage.models['en-US']);
      german.interactionModel.languageModel.invocationName = 'öffne zähler';
      german.interactionModel.languageModel.intents?.[0].samples?.push('add {much}');
      skillPackage.models['de-DE'] = german;
      skillPackage.manifest.manifest.publishingInformation.locales['de-DE'] = { name: 'Zähler' };
    });
    const problems = lintSkillPackage(dir, lintOptions);
    expect(problems).to.include(
      'skill-package/interactionModels/custom/de-DE.json: invocation name "öffne zähler" must not contain the launch word "öffne"',
    );
    expect(problems.join('\n')).to.match(/de-DE\.json: \w+: sample "add \{much\}" uses slot \{much\}/);
    expect(problems.join('\n')).to.not.match(/en-US\.json/);
  });
});
