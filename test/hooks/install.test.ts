import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '../..');

/** A folder holding the installer as the project has it, at `<temp>/<subfolder>/hooks/install.mjs`. */
function projectCopy(subfolder = 'project'): { root: string; project: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hook-install-'));
  const project = path.join(root, subfolder);
  mkdirSync(path.join(project, 'hooks'), { recursive: true });
  cpSync(path.join(projectRoot, 'hooks', 'install.mjs'), path.join(project, 'hooks', 'install.mjs'));
  return { root, project };
}

const git = (cwd: string, ...args: string[]) =>
  spawnSync('git', args, { cwd, encoding: 'utf8' }).stdout.trim();

/** Runs the installer as npm's "prepare" would, with npm's working folder. */
function runInstaller(project: string, env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, ['hooks/install.mjs'], { cwd: project, encoding: 'utf8', env });
}

describe('the git hook installer (npm "prepare")', () => {
  const roots: string[] = [];
  after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
  const fresh = (subfolder?: string) => {
    const copy = projectCopy(subfolder);
    roots.push(copy.root);
    return copy;
  };

  it('is the prepare script, so npm ci and npm install run it', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    expect(scripts.prepare).to.equal('node hooks/install.mjs');
  });

  it('points git at hooks/ in a git checkout, silently, and running it again changes nothing', () => {
    const { project } = fresh();
    git(project, 'init', '-q');
    for (let run = 1; run <= 2; run++) {
      const install = runInstaller(project);
      expect(install.status).to.equal(0);
      expect(install.stdout + install.stderr, `run ${run} output`).to.equal('');
      expect(git(project, 'config', '--get-all', 'core.hooksPath')).to.equal('hooks');
    }
  });

  it('does nothing and succeeds outside a git checkout', () => {
    const { project } = fresh();
    const install = runInstaller(project, { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(project) });
    expect(install.status).to.equal(0);
    expect(install.stdout + install.stderr).to.equal('');
  });

  it('succeeds when git is not installed', () => {
    const { project } = fresh();
    const install = runInstaller(project, { ...process.env, PATH: '/nonexistent' });
    expect(install.status).to.equal(0);
    expect(install.stdout + install.stderr).to.equal('');
  });

  it('leaves a repository alone when the project is only a folder inside it', () => {
    const { root, project } = fresh('skills/counter');
    git(root, 'init', '-q');
    expect(runInstaller(project).status).to.equal(0);
    expect(git(root, 'config', '--get', 'core.hooksPath')).to.equal('');
  });

  it('keeps a hooks path someone else set, and says how to call our hook from there', () => {
    const { project } = fresh();
    git(project, 'init', '-q');
    git(project, 'config', 'core.hooksPath', '.husky');
    const install = runInstaller(project);
    expect(install.status).to.equal(0);
    expect(git(project, 'config', '--get', 'core.hooksPath')).to.equal('.husky');
    expect(install.stderr).to.include('Call hooks/pre-push from your pre-push hook');
  });
});
