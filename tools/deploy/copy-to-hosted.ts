/**
 * `npm run copy-to-hosted -- <folder>`: puts this project into the repository of an Alexa-hosted skill
 * (see hosted-skill-copy.ts), then says how to commit and push it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readLocaleListings } from '../project/skill-package';
import { copyProjectToHostedSkill } from './hosted-skill-copy';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const USAGE = 'npm run copy-to-hosted -- <folder of the Alexa-hosted skill>';

/** One line and exit code 2 for a command called the wrong way. */
function usageError(message: string): never {
  console.error(`npm run copy-to-hosted: ${message}. Usage: ${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ allowPositionals: true, options: {} }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (positionals.length !== 1) usageError('say which one folder to copy into');
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

main().catch((error: unknown) => {
  console.error(`npm run copy-to-hosted: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
