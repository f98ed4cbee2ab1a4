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

/** DynamoDB did not answer before the request had to answer Alexa; a write may or may not have been applied. */
export class OutOfTimeError extends PersistenceError {
  override name = 'OutOfTimeError';
}

/** DynamoDB refused the write because the item would pass its 400 KB limit: trying again cannot help. */
export class ItemTooLargeError extends PersistenceError {
  override name = 'ItemTooLargeError';
}
