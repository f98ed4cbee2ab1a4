import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { gitEnv } from './git';

export interface CommandResult {
  status: number | null;
  /** Standard output, then standard error. */
  output: string;
}

/** Runs a command to its end in `cwd`, by default with git's test settings (./git.ts) for any git it runs. */
export function runCommand(
  cwd: string,
  command: string,
  args: string[],
  { env = gitEnv, input }: { env?: NodeJS.ProcessEnv; input?: string } = {},
): CommandResult {
  const result = spawnSync(command, args, { cwd, env, input, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** An empty home (made in `folder`) and no ASK_ or AWS_ variables: ask-cli finds no credentials and stops before reaching Amazon. */
export function envWithoutCredentials(folder: string): NodeJS.ProcessEnv {
  const home = mkdtempSync(path.join(folder, 'empty-home-'));
  const env = Object.fromEntries(Object.entries(gitEnv).filter(([name]) => !/^(ASK|AWS)_/.test(name)));
  return { ...env, HOME: home, USERPROFILE: home };
}
