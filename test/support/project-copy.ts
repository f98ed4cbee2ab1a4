import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Copies the project as git would commit it (tracked and new files, nothing ignored) into `folder`, and
 * links the project's node_modules there instead of installing the same packages again.
 */
export function copyProject(folder: string, { linkNodeModules = true } = {}): string {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    try {
      copyFileSync(path.join(PROJECT_ROOT, file), path.join(folder, file));
    } catch (error) {
      // A file deleted in the working tree but not yet in git's index is not part of the project.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  if (linkNodeModules) linkProjectNodeModules(folder);
  return folder;
}

export function linkProjectNodeModules(folder: string): void {
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'junction');
}
