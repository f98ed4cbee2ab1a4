/**
 * `npm run lint:skill [-- [--brand-name <word>] [<skill package dir>]]`: checks skill-package/ offline and
 * exits non-zero on anything Alexa would reject at deploy time, or on a model that disagrees with the intents
 * the code handles.
 */
import path from 'node:path';
import { HANDLED_INTENTS } from '../../lambda/src/intents';
import { parseOptions, reportFailure, UsageError } from '../cli/command-line';
import { lintSkillPackage } from './skill-package';

const USAGE = 'Usage: npm run lint:skill -- [--brand-name WORD]... [SKILL_PACKAGE_DIR]';

function main(): void {
  const { values, positionals } = parseOptions({
    options: { 'brand-name': { type: 'string', multiple: true, default: [] } },
    allowPositionals: true,
    usage: USAGE,
  });
  if (positionals.length > 1)
    throw new UsageError(`Give one skill package folder, not ${positionals.length}. ${USAGE}`);
  const skillPackageDir = path.resolve(positionals[0] ?? path.join(__dirname, '../../skill-package'));
  const problems = lintSkillPackage(skillPackageDir, {
    handledIntents: HANDLED_INTENTS,
    brandNames: values['brand-name'],
  });

  if (problems.length > 0) {
    console.error(`lint:skill found ${problems.length} problem(s):`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exitCode = 1;
  } else {
    console.log(`lint:skill: ${path.relative(process.cwd(), skillPackageDir) || '.'} passed every check.`);
  }
}

try {
  main();
} catch (error) {
  reportFailure(error);
}
