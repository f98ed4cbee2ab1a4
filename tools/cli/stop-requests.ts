/**
 * When a long-running tool (npm start, npm run serve) should stop: on SIGINT, SIGTERM or SIGHUP, and when the
 * npm that started it is stopped. The last one matters because `npm run` starts the script through `sh -c` and
 * passes SIGTERM and SIGINT to that shell only; dash, Debian's sh, dies of the first and holds the second
 * until its command ends, so neither reaches the tool, and a process manager stopping npm would leave it
 * running, holding its port and the .local data lock. An `exec` in package.json would take the shell out of
 * the way, but Windows' cmd has no `exec`.
 */
import { readFileSync } from 'node:fs';

/**
 * However a stop goes, the process ends this long after it was asked to: a process manager, and the next run
 * that wants the port or the data folder, can count on it. Whatever still runs then is cut.
 */
export const STOP_DEADLINE_MS = 1_500;

/** How often to look whether npm is still there; a stop starts at most this long after npm has gone. */
const LAUNCHER_POLL_MS = 200;

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Calls `stop` once, naming what asked for it, and exits with status 1 STOP_DEADLINE_MS later if the process
 * is still there. Further requests change nothing: one ctrl+c can arrive twice (from the terminal, and passed
 * on by npm), and the stop already has its deadline.
 */
export function onStopRequest(stop: (reason: string) => void): void {
  let requested = false;
  const request = (reason: string) => {
    if (requested) return;
    requested = true;
    setTimeout(() => {
      console.error(`[Error]: still not stopped ${STOP_DEADLINE_MS} ms after ${reason}; exiting now.`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    stop(reason);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => request(signal));
  watchLauncher(request);
}

/** A server's stop: on a request, it says so, closes the server and exits, with 1 if closing failed. */
export function exitOnStopRequest(close: () => Promise<void>): void {
  onStopRequest((reason) => {
    // not console.log: while a turn runs, the skill's console may be its log
    process.stdout.write(`Stopping (${reason}).\n`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

/**
 * Under npm, our parent is npm itself (bash, macOS's sh, replaces itself with a lone command) or the shell npm
 * runs the script in. Such a shell dies of SIGTERM, and then we have a new parent. It outlives a SIGKILL of
 * npm, waiting for us, so npm is watched too. A SIGINT it holds until we have ended (POSIX's "wait and
 * cooperative exit"), so all that shows is that the shell woke up: asleep while it waits for us, it wakes only
 * for a signal or when we are stopped and continued (ctrl+z and fg, a frozen container). A wake-up while we
 * ran, confirmed one look later with no SIGCONT to us in between, is taken as npm passing on a signal (and
 * so is a job-control stop that the kernel discards, sent with `kill` to a process group no shell controls).
 * Run without npm, a tool does not depend on its parent, so `nohup` and the like keep working.
 */
function watchLauncher(request: (reason: string) => void): void {
  if (!launcher) return;
  const { parent, shell, adopted } = launcher;
  let { shellWakeUps } = launcher;
  let suspected = false;
  let continued = false;
  process.on('SIGCONT', () => (continued = true));
  let lastLook = performance.now();
  const timer = setInterval(() => {
    const stalled = performance.now() - lastLook > STALL_MS;
    lastLook = performance.now();
    // an orphan gets a new parent; where that does not happen (Windows), the old one is simply gone
    if (adopted || process.ppid !== parent || !isRunning(parent) || shell?.adopted()) {
      clearInterval(timer);
      request('npm was stopped');
      return;
    }
    const wakeUps = shell?.wakeUps();
    if (wakeUps === shellWakeUps) {
      continued = false;
      return;
    }
    if (stalled || continued) {
      [shellWakeUps, suspected, continued] = [wakeUps, false, false];
    } else if (suspected) {
      clearInterval(timer);
      request('npm was stopped');
    } else {
      suspected = true;
    }
  }, LAUNCHER_POLL_MS);
  timer.unref();
}

/** A look that comes this late means we were stopped or frozen ourselves in between. */
const STALL_MS = 4 * LAUNCHER_POLL_MS;

/** Whether process `pid` exists (EPERM: it does, as another user's). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const SHELLS = new Set(['sh', 'dash', 'bash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);

interface ScriptShell {
  /** Whether npm, the shell's parent, has gone and another process has adopted the shell. */
  adopted(): boolean;
  /** How often the shell has been scheduled so far. */
  wakeUps(): number | undefined;
}

/**
 * Process `pid` when it is a shell, read from Linux's /proc. Elsewhere undefined, and only the parent is
 * watched: macOS's sh leaves no shell between npm and us, and on Windows ctrl+c reaches every process of the
 * console.
 */
function scriptShell(pid: number): ScriptShell | undefined {
  const stat = readStat(pid);
  if (!stat || !SHELLS.has(stat.command)) return undefined;
  const npm = stat.parent;
  return {
    adopted: () => isAdopted(pid) || readStat(pid)?.parent !== npm,
    wakeUps() {
      const switches = readProc(pid, 'status')?.match(/^voluntary_ctxt_switches:\s*(\d+)$/m);
      return switches ? Number(switches[1]) : undefined;
    },
  };
}

/** The fields of /proc/<pid>/stat used here. */
function readStat(pid: number | 'self'): { command: string; parent: number; group: number } | undefined {
  const stat = readProc(pid, 'stat');
  if (stat === undefined) return undefined;
  // "pid (command) state ppid pgrp ...", where the command may itself hold spaces and parentheses
  const end = stat.lastIndexOf(')');
  const [, parent, group] = stat
    .slice(end + 2)
    .split(' ')
    .map(Number);
  return { command: stat.slice(stat.indexOf('(') + 1, end), parent, group };
}

function readProc(pid: number | 'self', file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Who started us, taken when this module loads, so that npm stopped while the tool was still starting counts
 * too: the entry points import this module first.
 */
const launcher = startedByNpm();

function startedByNpm() {
  if (process.env.npm_lifecycle_event === undefined) return undefined;
  const parent = process.ppid;
  const shell = scriptShell(parent);
  return { parent, shell, shellWakeUps: shell?.wakeUps(), adopted: isAdopted('self') };
}

/**
 * npm starts its shell in its own process group, and the shell starts us in it too: a parent in another group
 * (init, a subreaper) adopted the process after its own parent died, maybe before this module was loaded.
 */
function isAdopted(pid: number | 'self'): boolean {
  const stat = readStat(pid);
  const parentGroup = stat && readStat(stat.parent)?.group;
  return parentGroup !== undefined && parentGroup !== stat?.group;
}
