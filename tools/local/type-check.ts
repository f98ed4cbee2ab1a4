import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';
import type ts from 'typescript';

/**
 * Type errors in lambda/src, found while the skill goes on answering: esbuild, which builds the skill for live
 * reload, strips types without checking them. A TypeScript language service in a worker thread keeps what
 * it parsed and bound between checks, so that after the first (about 4 s here) a check takes under a
 * second, on the other core. What it finds is a warning: `npm run typecheck` and CI stay the gate.
 */
export interface TypeChecker {
  /**
   * Checks lambda/src as it is now, in the background. Asked again while a check runs, it checks once more
   * when that one ends, and reports only then: what reaches `report` is always about the newest sources.
   */
  check(): void;
  stop(): Promise<void>;
}

/** One line per problem, [] when there is none: "lambda/src/speech/locales/en-US.ts:12:3 - error TS2322: Type ...". */
export type TypeProblems = string[];

export function startTypeChecker(lambdaDir: string, report: (problems: TypeProblems) => void): TypeChecker {
  let worker: Worker | undefined;
  let checking = false;
  let again = false;

  const start = () => {
    // the worker loads this very file, through ts-node like every tool here
    const created = new Worker(
      `require('ts-node').register({ transpileOnly: true });
       require(${JSON.stringify(__filename)}).serveTypeChecks(${JSON.stringify(lambdaDir)});`,
      { eval: true },
    );
    created.on('message', (problems: TypeProblems) => {
      checking = false;
      if (again) {
        again = false;
        send();
      } else {
        report(problems);
      }
    });
    // a checker that fails must not take the tool down: its warnings are a help, not the gate
    created.on('error', (error) => {
      [worker, checking, again] = [undefined, false, false];
      report([`The type check failed: ${error.message}`]);
    });
    created.unref();
    return created;
  };
  const send = () => {
    checking = true;
    (worker ??= start()).postMessage('check');
  };

  return {
    check() {
      if (checking) again = true;
      else send();
    },
    async stop() {
      await worker?.terminate();
    },
  };
}

/** The worker's side: answers each 'check' with the problems found in lambda/src. */
export async function serveTypeChecks(lambdaDir: string): Promise<void> {
  // loaded here only: the tool's own thread never needs the compiler
  const typescript = (await import('typescript')).default;
  const service = createLanguageService(typescript, lambdaDir);
  parentPort?.on('message', () => parentPort?.postMessage(service.problems()));
}

function createLanguageService(typescript: typeof ts, lambdaDir: string) {
  const projectRoot = path.dirname(lambdaDir);
  const sources = path.join(lambdaDir, 'src');
  const options = compilerOptions(typescript, projectRoot);
  /** Versions of the files under lambda/src, bumped when their text changes; the rest never change here. */
  const texts = new Map<string, { text: string; version: number }>();

  const rootFiles = () =>
    readdirSync(sources, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name));

  const refreshTexts = (files: string[]) => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const known = texts.get(file);
      if (known?.text !== text) texts.set(file, { text, version: (known?.version ?? 0) + 1 });
    }
  };

  let files: string[] = [];
  const service = typescript.createLanguageService(
    {
      getScriptFileNames: () => files,
      getScriptVersion: (file) => String(texts.get(file)?.version ?? 0),
      getScriptSnapshot: (file) => {
        const text = texts.get(file)?.text ?? typescript.sys.readFile(file);
        return text === undefined ? undefined : typescript.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => projectRoot,
      getCompilationSettings: () => options,
      getDefaultLibFileName: (settings) => typescript.getDefaultLibFilePath(settings),
      fileExists: typescript.sys.fileExists,
      readFile: typescript.sys.readFile,
      readDirectory: typescript.sys.readDirectory,
      directoryExists: typescript.sys.directoryExists,
      getDirectories: typescript.sys.getDirectories,
    },
    typescript.createDocumentRegistry(),
  );

  return {
    problems(): TypeProblems {
      files = rootFiles();
      refreshTexts(files);
      return files.flatMap((file) =>
        [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)].map(
          (diagnostic) => describe(typescript, diagnostic, projectRoot),
        ),
      );
    },
  };
}

/** The project's own compiler options (tsconfig.json), so that the warnings are the ones typecheck gives. */
function compilerOptions(typescript: typeof ts, projectRoot: string): ts.CompilerOptions {
  const configFile = path.join(projectRoot, 'tsconfig.json');
  const { config } = typescript.readConfigFile(configFile, typescript.sys.readFile);
  return typescript.parseJsonConfigFileContent(config ?? {}, typescript.sys, projectRoot).options;
}

function describe(typescript: typeof ts, diagnostic: ts.Diagnostic, projectRoot: string): string {
  const message = typescript.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  const code = `error TS${diagnostic.code}`;
  if (!diagnostic.file || diagnostic.start === undefined) return `${code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const file = path.relative(projectRoot, diagnostic.file.fileName);
  return `${file}:${line + 1}:${character + 1} - ${code}: ${message}`;
}
