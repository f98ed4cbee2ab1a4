import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const SCRIPTS = (
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The TypeScript file an npm script runs, with `args`, as its own process (npm would add its own lines). */
function runScript(script: string, args: string[]): Promise<Run> {
  const entry = /ts-node (\S+)/.exec(SCRIPTS[script])?.[1];
  if (!entry) throw new Error(`npm run ${script} does not run a TypeScript file`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', entry, ...args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk) => (run.stdout += chunk));
    child.stderr.on('data', (chunk) => (run.stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, ...run }));
  });
}

function npmCommand(script: string): string {
  return script === 'start' ? 'npm start' : `npm run ${script}`;
}

describe('what every tool says to a mistake on its command line', function () {
  this.timeout(60_000);

  const mistakes: [script: string, args: string[], says: RegExp][] = [
    ['start', ['--bogus'], /^\[Error\]: Unknown option '--bogus'\. Usage: npm start -- /],
    [
      'start',
      ['--memory', '--save-skill-io', 'no/such/folder/io.json'],
      /there is no folder no\/such\/folder/,
    ],
    ['profile', ['--bogus', 'add five'], /^\[Error\]: Unknown option '--bogus'\. Usage: npm run profile -- /],
    ['lint:skill', ['--bogus'], /^\[Error\]: Unknown option '--bogus'\. Usage: npm run lint:skill -- /],
    [
      'lint:skill',
      ['skill-package', 'another'],
      /^\[Error\]: Give one skill package folder, not 2\. Usage: /,
    ],
    ['serve', ['--bogus'], /^\[Error\]: Unknown option '--bogus'\. Usage: npm run serve -- /],
    ['bench', ['--bogus'], /^\[Error\]: Unknown option '--bogus'\. Usage: npm run bench /],
    ['build', ['--bogus'], /^\[Error\]: Unknown option '--bogus'\. Usage: npm run build /],
  ];
  const runs = new Map<string, Promise<Run>>();
  before(() => {
    for (const [script, args] of mistakes) runs.set(`${script} ${args.join(' ')}`, runScript(script, args));
  });

  for (const [script, args, says] of mistakes) {
    it(`${npmCommand(script)} -- ${args.join(' ')}: exit status 2, one line saying what is wrong, no stack trace`, async () => {
      const run = await runs.get(`${script} ${args.join(' ')}`);
      expect(run?.status, run?.stderr).to.equal(2);
      expect(run?.stderr.trimEnd().split('\n')).to.have.length(1);
      expect(run?.stderr).to.match(says);
      expect(run?.stdout).to.equal('');
    });
  }

  it('npm run profile -- --model bad.json names the file it cannot read, with exit status 2', async () => {
    const run = await runScript('profile', ['--model', 'no-such-model.json', 'add five']);
    expect(run.status).to.equal(2);
    expect(run.stderr.trim()).to.equal(
      '[Error]: Cannot read the interaction model no-such-model.json: no such file',
    );
  });

  it('npm run profile -- --model names a file that is not JSON', async () => {
    const run = await runScript('profile', ['--model', 'README.md', 'add five']);
    expect(run.status).to.equal(2);
    expect(run.stderr).to.match(/^\[Error\]: README\.md is not JSON: /);
  });
});
