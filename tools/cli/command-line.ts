/**
 * How every tool here answers a mistake in what the user typed (an unknown option, a missing value, a file
 * it cannot read): one line on standard error and exit status 2. Stack traces are for bugs only.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The user asked for something the tool cannot do. Exit status 2, the message alone. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * node:util's `parseArgs` (strict), whose mistakes become a UsageError ending with `config.usage`, the
 * tool's one-line synopsis ("Usage: npm run profile -- [--model PATH] UTTERANCE...").
 */
export function parseOptions<T extends ParseArgsConfig & { usage: string }>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    // parseArgs leaves keys it does not know alone
    return parseArgs(config);
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    // parseArgs goes on with advice about "--" that rarely applies; its first sentence says what is wrong
    const [problem] = error.message.split(/\.\s/);
    throw new UsageError(`${problem}. ${config.usage}`, { cause: error });
  }
}

/** Reads what the user pointed the tool at (a model, a replay file): what goes wrong is a UsageError. */
export function asUsageError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/** The port the environment's PORT names, or `fallback` when it names none. */
export function portFromEnvironment(fallback: number): number {
  const value = process.env.PORT;
  if (!value) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`PORT must be a port number, not "${value}".`);
  return port;
}

/** Prints why a tool stopped, in one line, and sets its exit status: 2 for a UsageError, 1 for anything else. */
export function reportFailure(error: unknown): void {
  console.error(`[Error]: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown })?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
