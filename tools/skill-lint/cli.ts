/**
 * `npm run lint:skill [-- [--brand-name <word>] [<skill package dir>]]`: checks skill-package/ offline and
 * exits non-zero on anything Alexa would reject at deploy time, or on a model that disagrees with the intents
 * the code handles.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HANDLED_INTENTS } from '../../lambda/src/intents';
import { lintSkillPackage } from './skill-package';

const { values, positionals } = parseArgs({
  options: { 'brand-name': { type: 'string', multiple: true, default: [] } },
  allowPositionals: true,
});
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
