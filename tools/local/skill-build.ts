import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, formatMessagesSync, type Message } from 'esbuild';
import { isRunning } from '../cli/stop-requests';
import type { createDocumentClient } from '../../lambda/src/persistence/dynamodb-client';
import type { createDynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb-persistence-adapter';
import type { buildSkill } from '../../lambda/src/skill';

/** What lambda/src/index.ts wires together on Lambda, and the local tools wire to the embedded store. */
export interface SkillModules {
  buildSkill: typeof buildSkill;
  createDynamoDbPersistenceAdapter: typeof createDynamoDbPersistenceAdapter;
  createDocumentClient: typeof createDocumentClient;
}

/** Where in lambda/ each of the SkillModules comes from: the build's entry exports them, the load checks them. */
const MODULE_SOURCES = {
  buildSkill: './src/skill',
  createDynamoDbPersistenceAdapter: './src/persistence/dynamodb-persistence-adapter',
  createDocumentClient: './src/persistence/dynamodb-client',
} as const satisfies Record<keyof SkillModules, string>;

const ENTRY = Object.entries(MODULE_SOURCES)
  .map(([name, source]) => `export { ${name} } from '${source}';`)
  .join('\n');

/**
 * lambda/src did not build or load: a syntax error, an import of something that is not there, a throw while
 * its modules load. The message says where, in the sources, for the developer who just edited them.
 */
export class SkillLoadError extends Error {
  override name = 'SkillLoadError';
}

export interface SkillBuild {
  modules: SkillModules;
  /** Deletes the build's file once a newer build answers (or the tool stops). */
  dispose(): void;
}

/** esbuild reports every error of a build; the first few say what to fix. */
const MAX_ERRORS_SHOWN = 3;

let buildsInThisProcess = 0;

/**
 * Builds lambda/src as `npm run build` does, with esbuild: one CommonJS bundle, the npm packages left outside.
 * Each build is a module of its own, so loading a new one takes edited sources in without a restart, and a
 * build that fails leaves the previous one untouched. The packages (the ASK SDK, the AWS SDK) load once,
 * from node_modules, and are shared by every build; only the skill's own code, about 200 KB, loads again.
 *
 * The bundle goes to a file in `.local/live-skill/` rather than being evaluated from memory: from there Node
 * finds the project's node_modules, and ts-node's stack-trace support reads its inline source map, so that an
 * error in the skill names the line in lambda/src, not one in the bundle.
 */
export async function buildSkillModules(lambdaDir: string): Promise<SkillBuild> {
  const projectRoot = path.dirname(lambdaDir);
  const outDir = path.join(projectRoot, '.local', 'live-skill');
  if (buildsInThisProcess === 0) removeLeftovers(outDir);
  const file = path.join(outDir, `skill-${process.pid}-${++buildsInThisProcess}.js`);
  const code = await bundle(lambdaDir, projectRoot, file);
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(file, code);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new SkillLoadError(
      `Cannot write the skill's build to ${outDir} (${reason}): the local tools need it writable.`,
      {
        cause: error,
      },
    );
  }
  const dispose = () => rmSync(file, { force: true });
  try {
    return { modules: requireModules(file, lambdaDir), dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

async function bundle(lambdaDir: string, projectRoot: string, outfile: string): Promise<string> {
  try {
    const result = await build({
      stdin: { contents: ENTRY, resolveDir: lambdaDir, sourcefile: 'local-skill-entry.ts', loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      sourcemap: 'inline',
      sourcesContent: false,
      outfile,
      write: false,
      logLevel: 'silent',
      // paths in messages read "lambda/src/...", as people see them in their editor
      absWorkingDir: projectRoot,
    });
    return result.outputFiles[0].text;
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (!errors?.length) throw error;
    throw new SkillLoadError(describeBuildErrors(errors), { cause: error });
  }
}

function describeBuildErrors(errors: Message[]): string {
  const shown = formatMessagesSync(errors.slice(0, MAX_ERRORS_SHOWN), { kind: 'error', color: false })
    .map((message) => message.replace(/^✘ \[ERROR\] /, '').trimEnd())
    .join('\n\n');
  const more = errors.length - MAX_ERRORS_SHOWN;
  return more > 0 ? `${shown}\n\n(and ${more} more)` : shown;
}

function requireModules(file: string, lambdaDir: string): SkillModules {
  let modules: Partial<SkillModules>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file this build has just written
    modules = require(file) as Partial<SkillModules>;
  } catch (error) {
    throw asLoadError(error, lambdaDir, 'while lambda/src loaded');
  } finally {
    // the next build is a new file; nothing should keep this one's modules alive
    delete require.cache[file];
  }
  for (const name of Object.keys(MODULE_SOURCES) as (keyof SkillModules)[]) {
    if (typeof modules[name] !== 'function') throw new SkillLoadError(`lambda/src no longer exports ${name}`);
  }
  return modules as SkillModules;
}

/**
 * What the skill's code threw before it could answer anything: "TypeError: x is not a function (thrown
 * while lambda/src loaded)", and the lines of lambda/src it came through.
 */
export function asLoadError(error: unknown, lambdaDir: string, when: string): SkillLoadError {
  if (!(error instanceof Error)) return new SkillLoadError(`The skill threw ${String(error)} ${when}`);
  const sources = path.join(lambdaDir, 'src') + path.sep;
  const where = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.includes(sources))
    .map((line) => line.replace(path.dirname(lambdaDir) + path.sep, '').trim());
  const message = [`${error.name}: ${error.message} (thrown ${when})`, ...where].join('\n    ');
  return new SkillLoadError(message, { cause: error });
}

/** Builds left behind by processes that were killed before they could delete them. */
function removeLeftovers(outDir: string): void {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^skill-(\d+)-\d+\.js$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid)) rmSync(path.join(outDir, name), { force: true });
  }
}
