/**
 * `npm run copy-to-hosted -- <folder>`: puts this project into the repository of an Alexa-hosted skill
 * (see hosted-skill-copy.ts), then says how to commit and push it.
 */
import path from 'node:path';
import { parseOptions, reportFailure, UsageError } from '../cli/command-line';
import { readLocaleListings } from '../project/skill-package';
import { copyProjectToHostedSkill } from './hosted-skill-copy';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const USAGE = 'Usage: npm run copy-to-hosted -- <folder of the Alexa-hosted skill>';

async function main(): Promise<void> {
  const { positionals } = parseOptions({ allowPositionals: true, options: {}, usage: USAGE });
  if (positionals.length !== 1) throw new UsageError(`Say which one folder to copy into. ${USAGE}`);
  const hostedDir = path.resolve(positionals[0]);
  const copied = await copyProjectToHostedSkill(PROJECT_ROOT, hostedDir);
  const [firstLocale, listing] = Object.entries(readLocaleListings(PROJECT_ROOT))[0] ?? [];
  console.log(
    `Copied ${copied.length} files into ${hostedDir}; its skill id, ask-cli profiles and endpoint are kept.\n` +
      'Review with git status and git diff there, then:\n\n' +
      `    cd ${JSON.stringify(hostedDir)}\n` +
      '    npm ci                      # the tools, and the pre-push check of lambda/index.js\n' +
      `    git add -A && git commit -m ${JSON.stringify(`${listing?.name ?? 'The skill'} in TypeScript`)}\n` +
      '    npm run deploy              # checks and pushes master: the development stage\n' +
      `    npx ask dialog --locale ${firstLocale ?? 'en-US'}`,
  );
}

main().catch(reportFailure);
