/**
 * `npm run console`: the developer console's Test tab, offline. A web page on 127.0.0.1 to talk to the skill
 * from lambda/src, with each turn's request and response, the user's stored item and the session, on the
 * embedded DynamoDB; `npm start` with a page instead of a terminal. PORT (default 3001) and HOST choose where it
 * listens. SIGTERM, SIGINT or SIGHUP, to it or to the npm that runs it, stop it as they stop `npm start`.
 */
// first, to know who started us before anything else takes time
import { exitOnStopRequest } from '../cli/stop-requests';
import { parseOptions, portFromEnvironment, reportFailure, UsageError } from '../cli/command-line';
import { DIALOG_OPTIONS, DIALOG_USAGE, readDialogOptions } from '../dialog/local-dialog';
import { describeStore } from '../local/store-options';
import { startConsoleServer, type ConsoleServer } from './console-server';
import { startConsoleSession } from './console-session';
import { isLoopback } from './request-guard';

const DEFAULT_PORT = 3001;

const USAGE = `Usage: npm run console -- [options], with PORT (default ${DEFAULT_PORT}) and HOST (default 127.0.0.1)
${DIALOG_USAGE}`;
const SYNOPSIS = 'Usage: npm run console -- [options]; npm run console -- --help lists them.';

async function main(): Promise<void> {
  const { values } = parseOptions({
    options: { ...DIALOG_OPTIONS, help: { type: 'boolean', short: 'h' } },
    usage: SYNOPSIS,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const options = readDialogOptions(values);
  const port = portFromEnvironment(DEFAULT_PORT);
  const host = process.env.HOST || '127.0.0.1';

  const session = await startConsoleSession(options);
  let server: ConsoleServer;
  try {
    server = await startConsoleServer({ session, host, port });
  } catch (error) {
    await session.close();
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE')
      throw new UsageError(`Port ${port} is in use (another npm run console?): set PORT to another.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UsageError(`HOST=${host} is not an address of this machine.`);
    throw error;
  }
  exitOnStopRequest(() => server.close());
  const { caller } = session.state().status;
  console.log(
    `The skill from lambda/src, ${describeStore(options.store)}; ${caller.locale}, user ${caller.user}, ` +
      `device ${caller.device}. Edits to lambda/src and skill-package/ count from the next utterance; ctrl+c stops it.`,
  );
  if (!isLoopback(host)) {
    console.warn(
      `WARNING: HOST=${host}: anyone who can reach this port can talk to the skill as any user, and read and ` +
        'delete what it stored. Use it only on a network you trust.',
    );
  }
  // last, so that a script waiting for this line has seen the rest
  console.log(`Console: ${server.url}`);
}

main().catch(reportFailure);
