/** Checks on data from outside the skill (request envelopes, stored items) before their fields are read. */

/** Something whose fields can be read: an object or an array, not null. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A JSON object, `{ … }`: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return isObject(value) && !Array.isArray(value);
}
