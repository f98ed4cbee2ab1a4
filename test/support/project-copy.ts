import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectFiles } from '../../tools/project/project-files';
import { git } from './git';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Copies the project as git would commit it (tracked and new files, nothing ignored) into `folder`, and
 * links the project's node_modules there instead of installing the same packages again.
 */
export function copyProject(folder: string, { linkNodeModules = true } = {}): string {
  const files = projectFiles(PROJECT_ROOT);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    copyFileSync(path.join(PROJECT_ROOT, file), path.join(folder, file));
  }
  if (linkNodeModules) linkProjectNodeModules(folder);
  return folder;
}

export function linkProjectNodeModules(folder: string): void {
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'junction');
}

/** Keeps the linked node_modules out of the git checkout at `folder`, as .gitignore keeps an installed one. */
export function excludeLinkedNodeModules(folder: string): void {
  appendFileSync(path.join(folder, '.git', 'info', 'exclude'), '/node_modules\n');
}

/** Makes `folder` a git checkout with everything committed; the linked node_modules stays out of git. */
export function commitAll(folder: string): void {
  git(folder, 'init', '-q', '--initial-branch=main');
  excludeLinkedNodeModules(folder);
  git(folder, 'add', '-A');
  git(folder, 'commit', '-q', '-m', 'The template');
}

/** A copy of the project in a temporary folder, for tests that edit it while a tool runs from it (live reload). */
export interface ProjectCopy {
  root: string;
  /** Rewrites one of the copy's files ("lambda/src/speech/shared/en.ts") as `change` says. */
  edit(file: string, change: (text: string) => string): void;
  remove(): void;
}

/** The edits made in the copy (a speech string, a syntax error) reach the tools run from it, never this tree. */
export function editableProjectCopy(): ProjectCopy {
  const root = copyProject(mkdtempSync(path.join(os.tmpdir(), 'project-copy-')));
  return {
    root,
    edit(file, change) {
      const target = path.join(root, file);
      const before = readFileSync(target, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`The edit of ${file} changed nothing`);
      writeFileSync(target, after);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
