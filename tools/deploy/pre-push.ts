/**
 * The check behind hooks/pre-push: refuses a push whose `lambda/index.js` is not what its `lambda/src`
 * builds, because Alexa-hosted runs the committed JavaScript and never compiles the TypeScript. It checks
 * each pushed commit as committed, so uncommitted edits in the working tree neither block nor excuse a push.
 * Git passes one line per pushed ref on stdin: `<local ref> <local sha> <remote ref> <remote sha>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hostedBundleDriftAt, STALE_BUNDLE_ADVICE } from './hosted-bundle';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

function main(): number {
  const pushedCommits = new Map<string, string>();
  for (const line of readFileSync(0, 'utf8').split('\n')) {
    const [localRef, localSha] = line.trim().split(/\s+/);
    // A deletion pushes no code.
    if (localRef && localSha && !/^0+$/.test(localSha)) pushedCommits.set(localSha, localRef);
  }
  for (const [sha, ref] of pushedCommits) {
    const drift = hostedBundleDriftAt(PROJECT_ROOT, sha);
    if (drift === undefined) continue;
    console.error(
      `pre-push: lambda/index.js in ${ref} (${sha.slice(0, 12)}) is stale: it is not what the TypeScript in ` +
        `lambda/src builds.\n${STALE_BUNDLE_ADVICE}`,
    );
    console.error(drift);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`pre-push: the stale-bundle check failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
