/**
 * A storage operation failed. The message names the operation and the DynamoDB error, never the user's key,
 * so it is safe to log.
 */
export class PersistenceError extends Error {
  override name = 'PersistenceError';
}

/** Another request changed the user's item between this request's read and its write. */
export class ConcurrentUpdateError extends PersistenceError {
  override name = 'ConcurrentUpdateError';
}
