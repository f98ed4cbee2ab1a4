import { readLocales } from '../../tools/project/skill-package';

/** The names the rename tests give a project: "Moon Tally", which no project of the template has yet. */

/** Invocation names for the languages whose rules want their own script, where "moon tally" cannot be said. */
const OWN_SCRIPT_INVOCATIONS: Record<string, string> = {
  'ar-SA': 'عداد القمر',
  'hi-IN': 'चंद्र गणक',
  'ja-JP': 'つきのかうんたー',
};

/** Any of the new names, in a line of a diff. */
export const NEW_NAMES = new RegExp(
  ['moon tally', 'moon-tally', ...Object.values(OWN_SCRIPT_INVOCATIONS)].join('|'),
  'i',
);

/** `--name "Moon Tally" --invocation "moon tally"`, and a name in their own script for the locales that need one. */
export const moonTally = (project: string): string[] => [
  '--name',
  'Moon Tally',
  '--invocation',
  'moon tally',
  ...readLocales(project)
    .filter((locale) => locale in OWN_SCRIPT_INVOCATIONS)
    .flatMap((locale) => ['--invocation', `${locale}=${OWN_SCRIPT_INVOCATIONS[locale]}`]),
];
