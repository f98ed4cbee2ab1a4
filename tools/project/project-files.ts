import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git } from './git';

/**
 * The project's files as git would commit them, relative to `projectRoot`: tracked and new ones, never
 * ignored ones (node_modules, ask-cli's build output), nor tracked ones deleted from the working tree.
 * Before `git init` (`ask new` leaves no .git), git still applies .gitignore for an empty throwaway
 * repository over the folder.
 */
export function projectFiles(projectRoot: string): string[] {
  return listedByGit(projectRoot).filter((file) => existsSync(path.join(projectRoot, file)));
}

/** git's index lists a file deleted from the working tree until the deletion is staged. */
function listedByGit(projectRoot: string): string[] {
  const listing = ['ls-files', '--cached', '--others', '--exclude-standard', '-z'];
  if (isTopOfGitCheckout(projectRoot)) return split(git(projectRoot, listing));
  const gitDir = mkdtempSync(path.join(os.tmpdir(), 'project-files-'));
  try {
    git(projectRoot, ['init', '-q', '--bare', gitDir]);
    return split(git(projectRoot, [`--git-dir=${gitDir}`, `--work-tree=${projectRoot}`, ...listing]));
  } finally {
    rmSync(gitDir, { recursive: true, force: true });
  }
}

export function isTopOfGitCheckout(folder: string): boolean {
  try {
    return realpathSync(git(folder, ['rev-parse', '--show-toplevel'])) === realpathSync(folder);
  } catch {
    return false;
  }
}

const split = (output: string) => output.split('\0').filter(Boolean);
