import path from 'node:path';
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { DynamoDbEngine, EmbeddedDynamoDb, startEmbeddedDynamoDb } from './embedded-dynamodb';
import {
  asLoadError,
  buildSkillModules,
  SkillLoadError,
  type SkillBuild,
  type SkillModules,
} from './skill-build';
import { fingerprintOf } from './source-fingerprint';
import { startTypeChecker, type TypeProblems } from './type-check';

/** This project's lambda/ folder: the skill's package, its TypeScript sources in src/. */
const LAMBDA_DIR = path.resolve(__dirname, '..', '..', 'lambda');

export interface LocalSkill {
  /** Sends one request envelope to the skill, as Lambda would. */
  invoke(request: RequestEnvelope): Promise<ResponseEnvelope>;
  /**
   * Rebuilds the skill if anything under lambda/src changed since the last look; from then on the new one
   * answers. A change that does not build or load is reported, and the last skill that loaded goes on
   * answering. Undefined when nothing changed.
   */
  refresh(): Promise<SkillReload | undefined>;
  /** The engine and table the skill keeps its data in, for tools that show it. */
  readonly store: EmbeddedDynamoDb;
  stop(): Promise<void>;
}

export type SkillReload =
  | { kind: 'reloaded'; ms: number }
  /** `error` says where in lambda/src, in a few lines (esbuild's message, or what was thrown while loading). */
  | { kind: 'failed'; error: string };

/**
 * The skill from its TypeScript sources on the embedded DynamoDB (dynalite unless `engine` says otherwise):
 * on disk in `dataDir`, or in memory without one. With `skillId`, requests for other skills are rejected.
 * The skill is built from lambda/src with esbuild, as `npm run build` builds it for Alexa-hosted.
 *
 * Live reload (`refresh`) looks at a fingerprint of lambda/src's contents when asked, which the dialog
 * tools do before each utterance, rather than keeping a file watcher. The answer to an utterance then always
 * comes from the sources as they were when it was typed: a watcher's events arrive a moment after the save
 * and come in bursts (editors write a temporary file, then rename it), so an utterance sent right after a
 * save could get the old skill, and fs.watch misses changes on some mounted and network file systems.
 * Hashing the sources costs a few milliseconds per utterance; a rebuild, only after a change, about 50.
 */
export async function startLocalSkill(
  options: {
    engine?: DynamoDbEngine;
    dataDir?: string;
    skillId?: string;
    /** Another project's lambda/ folder (tests and benchmarks work on copies of this one). */
    lambdaDir?: string;
    /** Gets the type errors in lambda/src after each reload, [] once there are none (see ./type-check.ts). */
    onTypeCheck?: (problems: TypeProblems) => void;
  } = {},
): Promise<LocalSkill> {
  const lambdaDir = options.lambdaDir ?? LAMBDA_DIR;
  const sources = path.join(lambdaDir, 'src');
  const store = await startEmbeddedDynamoDb({ engine: options.engine, dataDir: options.dataDir });
  let fingerprint = fingerprintOf(sources);
  let current: LoadedSkill;
  try {
    current = await loadSkill(lambdaDir, store, options.skillId);
  } catch (error) {
    await store.stop();
    throw error;
  }
  const typeChecker = options.onTypeCheck && startTypeChecker(lambdaDir, options.onTypeCheck);

  const reload = async (): Promise<SkillReload | undefined> => {
    const now = fingerprintOf(sources);
    if (now === fingerprint) return undefined;
    // a change that fails is reported once, and tried again after the next change
    fingerprint = now;
    const started = performance.now();
    let next: LoadedSkill;
    try {
      next = await loadSkill(lambdaDir, store, options.skillId);
    } catch (error) {
      if (error instanceof SkillLoadError) return { kind: 'failed', error: error.message };
      throw error;
    }
    unload(current);
    current = next;
    typeChecker?.check();
    return { kind: 'reloaded', ms: performance.now() - started };
  };
  let reloading: Promise<SkillReload | undefined> | undefined;

  return {
    invoke: (request) => current.skill.invoke(request),
    refresh() {
      reloading ??= reload().finally(() => (reloading = undefined));
      return reloading;
    },
    store,
    async stop() {
      await reloading?.catch(() => undefined);
      await typeChecker?.stop();
      unload(current);
      await store.stop();
    },
  };
}

interface LoadedSkill {
  build: SkillBuild;
  skill: Skill;
  client: ReturnType<SkillModules['createDocumentClient']>;
}

/** Builds lambda/src and wires it as lambda/src/index.ts does on Lambda, to the embedded store's table. */
async function loadSkill(
  lambdaDir: string,
  store: EmbeddedDynamoDb,
  skillId: string | undefined,
): Promise<LoadedSkill> {
  const build = await buildSkillModules(lambdaDir);
  const { buildSkill, createDocumentClient, createDynamoDbPersistenceAdapter } = build.modules;
  let client: LoadedSkill['client'] | undefined;
  try {
    client = createDocumentClient(store);
    const skill = buildSkill({
      persistenceAdapter: createDynamoDbPersistenceAdapter({ client, tableName: store.tableName }),
      skillId,
    });
    return { build, skill, client };
  } catch (error) {
    client?.destroy();
    build.dispose();
    throw asLoadError(error, lambdaDir, 'while the skill was built');
  }
}

function unload({ build, client }: LoadedSkill): void {
  client.destroy();
  build.dispose();
}
