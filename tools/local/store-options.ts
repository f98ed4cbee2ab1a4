import path from 'node:path';
import { DynamoDbEngine, ENGINE_LABELS, parseEngine } from './embedded-dynamodb';
import { LocalStoreError } from './store-errors';

/**
 * How every local front end (npm start, npm run console, npm run serve) lets people choose the
 * embedded store: the engine, and where it keeps its data. Read here once, so they all take the same options.
 */
export const STORE_OPTIONS = {
  engine: { type: 'string' },
  memory: { type: 'boolean' },
  'data-dir': { type: 'string' },
} as const;

export const STORE_USAGE = `  --engine ENGINE        dynalite (the default, runs in this process) or dynamodb-local (Amazon's own
                         DynamoDB Local, for its exact behaviour; needs Java 17 or newer)
  --memory               a throwaway in-memory store instead of the one kept in .local/
  --data-dir DIR         keep the DynamoDB data in DIR instead`;

/** Where local runs keep their data between restarts (git-ignored); one folder per engine, as their files differ. */
const DEFAULT_DATA_DIRS: Record<DynamoDbEngine, string> = {
  dynalite: path.join(__dirname, '..', '..', '.local', 'dynamodb'),
  'dynamodb-local': path.join(__dirname, '..', '..', '.local', 'dynamodb-local'),
};

export interface StoreChoice {
  engine: DynamoDbEngine;
  /** In memory when unset. */
  dataDir: string | undefined;
}

export function chooseStore(values: { engine?: string; memory?: boolean; 'data-dir'?: string }): StoreChoice {
  if (values.memory && values['data-dir'] !== undefined)
    throw new LocalStoreError('--memory and --data-dir cannot go together');
  const engine = parseEngine(values.engine);
  return { engine, dataDir: values.memory ? undefined : (values['data-dir'] ?? DEFAULT_DATA_DIRS[engine]) };
}

/** "DynamoDB in .local/dynamodb", "a throwaway in-memory DynamoDB Local", for the banners. */
export function describeStore({ engine, dataDir }: StoreChoice): string {
  const name = storeName(engine);
  return dataDir ? `${name} in ${shortPath(dataDir)}` : `a throwaway in-memory ${name}`;
}

/** The default engine is just "DynamoDB" to people talking to the skill; the other one says what it is. */
export function storeName(engine: DynamoDbEngine): string {
  return engine === 'dynalite' ? 'DynamoDB' : ENGINE_LABELS[engine];
}

/** A path inside the current folder as a relative one, any other as it is. */
function shortPath(folder: string): string {
  const fromHere = path.relative(process.cwd(), folder);
  return fromHere.startsWith('..') || path.isAbsolute(fromHere) ? folder : fromHere;
}
