import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git } from '../project/git';

/** What building the hosted bundle needs from a commit: the skill, the build tools and their settings. */
const BUILD_INPUTS = ['lambda', 'tools', 'tsconfig.json', 'package.json'];

/** How to mend a stale lambda/index.js: npm run deploy and hooks/pre-push say it after naming the commit. */
export const STALE_BUNDLE_ADVICE =
  'Alexa-hosted runs lambda/index.js as committed. Fix it with:\n\n' +
  '    npm run build && git add lambda/index.js && git commit -m "Rebuild lambda/index.js"\n\n' +
  'If lambda/index.js was edited in the developer console, first make the same change in lambda/src:\n' +
  'it is in the + lines below.\n';

/**
 * How `commit`'s `lambda/index.js` differs from what that commit's `lambda/src` builds, as a unified diff
 * whose `+` lines are in the file but not in the sources (an edit made in the developer console shows up
 * there); undefined when the file is current. The commit is checked out into a temporary folder and built
 * there with its own build script, so the working tree and its uncommitted edits play no part.
 */
export function hostedBundleDriftAt(projectRoot: string, commit: string): string | undefined {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'hosted-bundle-'));
  try {
    const tree = path.join(workspace, 'tree');
    checkOut(projectRoot, commit, tree);
    const committed = path.join(workspace, 'committed-index.js');
    const built = path.join(tree, 'lambda', 'index.js');
    if (!existsSync(built))
      return `${commit}: lambda/index.js is not committed. Run npm run build and commit it.`;
    renameSync(built, committed);
    // The commit's own packages are the project's: link them instead of installing them again.
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(tree, 'node_modules'), 'junction');
    buildHostedBundleIn(tree, `${commit}'s lambda/src`);

    const diff = spawnSync('git', ['diff', '--no-index', '--no-color', '--', built, committed], {
      encoding: 'utf8',
    });
    if (diff.status === 0) return undefined;
    if (diff.status !== 1) throw new Error(`comparing lambda/index.js failed: ${diff.stderr.trim()}`);
    // git labels the sides with the temp paths; name them after what they are instead.
    const hunks = diff.stdout.slice(diff.stdout.indexOf('\n@@') + 1);
    return `--- lambda/index.js as lambda/src builds it\n+++ lambda/index.js as committed\n${hunks}`;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/**
 * Writes `projectFolder`'s lambda/index.js with that folder's own build script and packages: what
 * `npm run build` does once tsc has type-checked. Throws with the build's errors, naming `source`.
 */
export function buildHostedBundleIn(projectFolder: string, source = 'lambda/src'): void {
  const build = spawnSync(process.execPath, ['-r', 'ts-node/register', 'tools/build/build-hosted.ts'], {
    cwd: projectFolder,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building ${source} failed: ${build.stderr.trim()}`);
}

/** Writes the build inputs of `commit` into `folder` through a throwaway index, leaving the repository alone. */
function checkOut(projectRoot: string, commit: string, folder: string): void {
  const env = { GIT_INDEX_FILE: path.join(path.dirname(folder), 'index') };
  git(projectRoot, ['read-tree', commit], env);
  git(
    projectRoot,
    ['checkout-index', '--force', `--prefix=${folder}${path.sep}`, '--', ...filesOf(projectRoot, commit)],
    env,
  );
}

function filesOf(projectRoot: string, commit: string): string[] {
  return git(projectRoot, ['ls-tree', '-r', '--name-only', '-z', commit, '--', ...BUILD_INPUTS])
    .split('\0')
    .filter(Boolean);
}
