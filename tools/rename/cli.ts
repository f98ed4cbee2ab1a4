/**
 * `npm run rename -- --name "Space Facts" --invocation "space facts" [--invocation de-DE="weltraum fakten"]
 * [--locales en-US,de-DE] [--package-name space-facts] [--brand-name <word>]`: makes the template your skill.
 */
import path from 'node:path';
import { parseOptions, reportFailure, UsageError } from '../cli/command-line';
import { LOCALE } from '../project/skill-package';
import { RenameRefused, type RenameRequest, renameProject } from './rename';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const USAGE =
  'Usage: npm run rename -- --name "<Skill Name>" --invocation "<invocation name>" [--invocation <locale>="<name>"] ' +
  '[--locales <locale>,<locale>] [--package-name <npm name>] [--brand-name <word>]';

function readRequest(): RenameRequest {
  const { values } = parseOptions({
    options: {
      name: { type: 'string' },
      invocation: { type: 'string', multiple: true, default: [] },
      locales: { type: 'string' },
      'package-name': { type: 'string' },
      'brand-name': { type: 'string', multiple: true, default: [] },
    },
    usage: USAGE,
  });
  const request: RenameRequest = {
    name: values.name,
    invocationByLocale: {},
    locales: values.locales?.split(',').map((locale) => locale.trim()),
    packageName: values['package-name'],
    brandNames: values['brand-name'],
  };
  for (const invocation of values.invocation) {
    // <locale>=<name>, split at the first "="; anything else is the name for every locale.
    const [, locale, name] = /^([^=]*)=(.*)$/.exec(invocation) ?? [];
    if (locale !== undefined && LOCALE.test(locale)) request.invocationByLocale![locale] = name;
    else if (request.invocation === undefined) request.invocation = invocation;
    else {
      throw new UsageError(
        `Give one --invocation for every locale, and <locale>=<name> for the others. ${USAGE}`,
      );
    }
  }
  if (
    request.name === undefined &&
    values.invocation.length === 0 &&
    !request.locales &&
    !request.packageName
  ) {
    throw new UsageError(`Say what to change. ${USAGE}`);
  }
  return request;
}

try {
  const changed = renameProject(PROJECT_ROOT, readRequest());
  if (changed.length === 0) console.log('Nothing to change: the project already has these names.');
  else {
    console.log(`Changed ${changed.length} files:\n${changed.map((file) => `  ${file}`).join('\n')}`);
    console.log('Review with git diff, then run npm run lint:skill && npm test, and commit.');
  }
} catch (error) {
  if (error instanceof RenameRefused) error.message += ' Nothing was changed.';
  reportFailure(error);
}
