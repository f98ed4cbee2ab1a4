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

/**
 * DynamoDB gave no answer in time: every attempt timed out, or the request's time to answer Alexa ran out. A
 * write may or may not have been applied.
 */
export class NoAnswerError extends PersistenceError {
  override name = 'NoAnswerError';
}

/** DynamoDB refused the write because the item would pass its 400 KB limit: trying again cannot help. */
export class ItemTooLargeError extends PersistenceError {
  override name = 'ItemTooLargeError';
}
