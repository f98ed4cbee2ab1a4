import { UsageError } from '../cli/command-line';

/**
 * The local store could not start for a reason the user can fix (a folder in use, no Java, an unknown
 * engine). Its message is one line saying what to do; as a UsageError, the tools print it and exit with 2.
 */
export class LocalStoreError extends UsageError {
  override name = 'LocalStoreError';
}
