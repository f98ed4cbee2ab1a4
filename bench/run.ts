/**
 * `npm run bench`: the figures behind the README's claims, each next to its baseline from the same run.
 * Each section is a module of its own; this file only runs them in order. Prints figures; asserts nothing.
 */
import { parseOptions, reportFailure, UsageError } from '../tools/cli/command-line';
import { measureColdStart } from './cold-start';
import { compareEngines } from './engines';
import { measureLiveReload } from './live-reload';
import { loadOnOneUserAndMany } from './load';
import { compareWithOfficialAdapter } from './official-adapter';
import { measureStartUp } from './start-up';
import { measureShutdown } from './shutdown';

process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';

const SECTIONS: [title: string, run: () => Promise<void>][] = [
  ['This project against the official adapter', compareWithOfficialAdapter],
  ['Cold start of the deployed handler', measureColdStart],
  ['Load: many increments at once, against the 8 seconds Alexa waits', loadOnOneUserAndMany],
  ['dynalite against DynamoDB Local', compareEngines],
  ['Start-up of npm start', measureStartUp],
  ['Stopping npm run serve and npm start', measureShutdown],
  ['Live reload and the console', measureLiveReload],
];

async function main(): Promise<void> {
  parseOptions({ options: {}, usage: 'Usage: npm run bench (it takes no options)' });
  for (const [title, run] of SECTIONS) {
    console.log(`\n## ${title}\n`);
    await run();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) return reportFailure(error);
  console.error(error);
  process.exit(1);
});
