/**
 * The local store could not start for a reason the user can fix (a folder in use, no Java, an unknown
 * engine). Its message is one line saying what to do; front ends print it and exit with status 2.
 */
export class LocalStoreError extends Error {
  override name = 'LocalStoreError';
}
