/**
 * `npm run copy-to-hosted -- <folder>`: puts this project into the repository of an Alexa-hosted skill
 * (see hosted-skill-copy.ts), then says how to commit and push it.
 */
import path from 'node:path';
import { copyProjectToHostedSkill } from './hosted-skill-copy';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const [folder] = process.argv.slice(2);
  if (!folder)
    throw new Error('say which folder: npm run copy-to-hosted -- <folder of the Alexa-hosted skill>');
  const hostedDir = path.resolve(folder);
  const copied = await copyProjectToHostedSkill(PROJECT_ROOT, hostedDir);
  console.log(
    `Copied ${copied.length} files into ${hostedDir}; its skill id, ask-cli profiles and endpoint are kept.\n` +
      'Review with git status and git diff there, then:\n\n' +
      `    cd ${JSON.stringify(hostedDir)}\n` +
      '    npm ci                      # the tools, and the pre-push check of lambda/index.js\n' +
      '    git add -A && git commit -m "Hello Counter in TypeScript"\n' +
      '    npm run deploy              # builds, checks and pushes master: the development stage\n' +
      '    npx ask dialog --locale en-US',
  );
}

main().catch((error: unknown) => {
  console.error(`npm run copy-to-hosted: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
