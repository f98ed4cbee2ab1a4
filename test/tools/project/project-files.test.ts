import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectFiles } from '../../../tools/project/project-files';
import { git } from '../../support/git';

describe('the files of a project, as git would commit them', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'project-files-'));
    writeFileSync(path.join(folder, '.gitignore'), 'build.zip\n');
    for (const file of ['kept.txt', 'deleted.txt', 'build.zip']) writeFileSync(path.join(folder, file), file);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('are the tracked and new files, without ignored ones or those deleted from the working tree', () => {
    git(folder, 'init', '-q');
    git(folder, 'add', '-A');
    git(folder, 'commit', '-q', '-m', 'Files');
    rmSync(path.join(folder, 'deleted.txt'));
    writeFileSync(path.join(folder, 'new.txt'), 'new');
    expect(projectFiles(folder).sort()).to.deep.equal(['.gitignore', 'kept.txt', 'new.txt']);
  });

  it('are found the same way in a folder that is not a git checkout (as ask new leaves it)', () => {
    expect(projectFiles(folder).sort()).to.deep.equal(['.gitignore', 'deleted.txt', 'kept.txt']);
  });
});
