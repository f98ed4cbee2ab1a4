// @ts-check
/* global console, process, setTimeout */
/**
 * `node stay-with-parent.mjs COMMAND [ARGS...]` runs COMMAND and ends it when this process's standard input
 * closes. The process that started us holds the other end of that pipe, and the operating system closes it
 * however that process ends (exit, crash, SIGTERM, SIGKILL), so COMMAND never outlives it. DynamoDB Local is
 * a JVM that would otherwise go on running, holding its port and data, after `npm start` is killed.
 * Plain JavaScript, so that it starts in milliseconds without ts-node. Exits with COMMAND's status.
 */
import { spawn } from 'node:child_process';

/** DynamoDB Local stops within a second of SIGTERM; a JVM that hangs is killed after this. */
const GRACE_MS = 5000;

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node stay-with-parent.mjs COMMAND [ARGS...]');
  process.exit(2);
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let ending = false;

function end() {
  if (ending) return;
  ending = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), GRACE_MS).unref();
}

child.on('error', (error) => {
  console.error(`Could not run ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal && !ending ? 1 : 0)));

process.stdin.on('end', end);
process.stdin.on('error', end);
process.stdin.resume();
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) process.on(signal, end);
