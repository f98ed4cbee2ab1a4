// @ts-check
/* global console */
/**
 * `npm ci` runs this (the "prepare" script): it points git at hooks/, so hooks/pre-push runs before every push.
 * It never fails an install and prints nothing unless it has to leave an existing setting alone: outside a
 * git checkout (a zip, CI without .git, no git at all) or inside another repository, it does nothing.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** git's output, or undefined when git fails or is missing. */
function git(...args) {
  try {
    return execFileSync('git', args, {
      cwd: projectRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

try {
  const topLevel = git('rev-parse', '--show-toplevel');
  // Only our own checkout: in a parent repository, "hooks" would name the parent's folder.
  if (topLevel && realpathSync(topLevel) === realpathSync(projectRoot)) {
    // ask-cli's own hook stays in .git/hooks, where hooks/pre-push finds and runs it.
    const hooksPath = git('config', '--get', 'core.hooksPath');
    if (hooksPath === undefined) git('config', 'core.hooksPath', 'hooks');
    else if (hooksPath !== 'hooks') {
      console.warn(
        `Not installing hooks/pre-push: git's core.hooksPath is already "${hooksPath}". ` +
          'Call hooks/pre-push from your pre-push hook to check lambda/index.js before pushing.',
      );
    }
  }
} catch {
  // Installing the hook is a convenience: nothing here may fail `npm ci`.
}
