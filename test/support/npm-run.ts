import { spawn } from 'node:child_process';
import net from 'node:net';
import { PROJECT_ROOT } from './project-copy';

/** `npm run <script>` as a user or a process manager starts it: through npm, and so through npm's shell. */
export interface NpmRun {
  /** The npm process: the one a process manager signals. */
  pid: number;
  /** Standard output and error so far, interleaved. */
  readonly output: string;
  /** Resolves with the match once the output matches `pattern`; rejects if everything ends first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Writes a line to the script's standard input. */
  type(line: string): void;
  /** Signals npm alone, as a process manager does; or its whole process group, as ctrl+c in a terminal does. */
  signal(signal: NodeJS.Signals, to?: 'npm' | 'group'): void;
  /**
   * Resolves with npm's exit status once npm and every process it started have ended: the pipes of its
   * output close only when the last process holding them, the script's own included, is gone.
   */
  ended: Promise<number | null>;
  /** Kills whatever is left of the run (its own process group); for cleaning up after a failed test. */
  kill(): void;
}

/** `cwd` runs the script of another project: a copy of this one (./project-copy.ts). */
export function npmRun(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = PROJECT_ROOT,
): NpmRun {
  // Input through a relay of its own: as with a terminal, it stays open when npm ends (Node would close a
  // child's stdin pipe on its exit, and the script would end on that instead of on what is tested).
  const input = spawn('cat', [], { stdio: ['pipe', 'pipe', 'ignore'] });
  const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: [input.stdout, 'pipe', 'pipe'],
    // a process group of its own, so that cleaning up reaches a script that outlived npm
    detached: true,
  });
  // Without a pid (a failed spawn), -pid would be 0: the signals below would reach the test run's own group.
  const { pid } = child;
  if (pid === undefined) {
    input.kill();
    throw new Error(`npm run ${script} could not be started`);
  }
  let output = '';
  let finished = false;
  const waiting = new Set<() => void>();
  const wakeWaiting = () => {
    for (const wake of waiting) wake();
    waiting.clear();
  };
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    wakeWaiting();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const ended = new Promise<number | null>((resolve) =>
    child.once('close', (status) => {
      finished = true;
      wakeWaiting();
      input.stdin.end();
      resolve(status);
    }),
  );
  return {
    pid,
    get output() {
      return output;
    },
    async waitFor(pattern) {
      for (;;) {
        const found = pattern.exec(output);
        if (found) return found;
        if (finished) throw new Error(`npm run ${script} ended before printing ${pattern}:\n${output}`);
        await new Promise<void>((resolve) => waiting.add(resolve));
      }
    },
    type(line) {
      input.stdin.write(`${line}\n`);
    },
    signal(signal, to = 'npm') {
      process.kill(to === 'group' ? -pid : pid, signal);
    },
    ended,
    kill() {
      input.kill();
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

/** Whether anything still accepts connections at `url`: a stopped server must have freed its port. */
export function isListening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
