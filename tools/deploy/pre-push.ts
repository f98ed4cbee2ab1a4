/**
 * The check behind hooks/pre-push: refuses a push whose `lambda/index.js` is not what `lambda/src` builds,
 * because Alexa-hosted runs the committed JavaScript and never compiles the TypeScript.
 * Git passes one line per pushed ref on stdin: `<local ref> <local sha> <remote ref> <remote sha>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { git } from './git';
import { hostedBundleDrift } from './hosted-bundle';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const pushedCommits = readFileSync(0, 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([localRef, localSha]) => localRef && localSha && !/^0+$/.test(localSha)); // a deletion pushes no code
  if (pushedCommits.length === 0) return 0;

  // The check builds the working tree, so it speaks for a pushed commit only when lambda/ is the same in both.
  for (const [localRef, localSha] of pushedCommits) {
    const changed = git(PROJECT_ROOT, ['diff', '--name-only', localSha, '--', 'lambda']);
    const untracked = git(PROJECT_ROOT, ['ls-files', '--others', '--exclude-standard', '--', 'lambda']);
    const differing = [changed, untracked].filter(Boolean).join('\n');
    if (differing) {
      console.error(
        `pre-push: cannot check lambda/index.js in ${localRef}: these files differ from it in your working tree:\n` +
          `${indent(differing)}\nCommit or stash them, then push again.`,
      );
      return 1;
    }
  }
  const drift = await hostedBundleDrift();
  if (drift === undefined) return 0;
  console.error(
    'pre-push: lambda/index.js is stale: it is not what the TypeScript in lambda/src builds, and Alexa-hosted\n' +
      'runs lambda/index.js as committed. Fix it with:\n\n' +
      '    npm run build && git add lambda/index.js && git commit -m "Rebuild lambda/index.js"\n\n' +
      'then push again. If lambda/index.js was edited in the developer console, first make the same change in\n' +
      'lambda/src: it is in the + lines below.\n',
  );
  console.error(drift);
  return 1;
}

const indent = (lines: string) => lines.replace(/^/gm, '    ');

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(
      `pre-push: the stale-bundle check failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  },
);
