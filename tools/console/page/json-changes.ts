import { isJsonObject } from '../../../lambda/src/is-object';

/**
 * What changed between two versions of a JSON value (a stored item, before and after a turn), by path:
 * "attributes.counter", "writes". Objects are compared key by key, down to what differs; a list that differs
 * is one change, since the adapter's lists (the latest writes) shift as a whole.
 */
export interface JsonChanges {
  /** Paths whose value is new or different, with what was there before (undefined for a new key). */
  changed: Map<string, { was: unknown }>;
  /** Keys that are gone, with what they held. */
  removed: { path: string; was: unknown }[];
}

export function changesBetween(before: unknown, after: unknown): JsonChanges {
  const changes: JsonChanges = { changed: new Map(), removed: [] };
  compare(before, after, '', changes);
  return changes;
}

/** The path of `key` inside `parent`: "attributes" then "attributes.counter"; list items as "writes[0]". */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

function compare(before: unknown, after: unknown, path: string, changes: JsonChanges): void {
  if (isJsonObject(before) && isJsonObject(after)) {
    for (const [key, value] of Object.entries(after))
      compare(before[key], value, childPath(path, key), changes);
    for (const [key, value] of Object.entries(before)) {
      if (!(key in after)) changes.removed.push({ path: childPath(path, key), was: value });
    }
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    changes.changed.set(path, { was: before });
  }
}
