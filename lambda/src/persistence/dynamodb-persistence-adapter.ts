import { randomBytes } from 'node:crypto';
import { getUserId, PersistenceAdapter } from 'ask-sdk-core';
import { RequestEnvelope } from 'ask-sdk-model';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  NumberValue,
  PutCommand,
  PutCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { timeLeftMs } from '../time-budget';
import { ConcurrentUpdateError, ItemTooLargeError, NoAnswerError, PersistenceError } from './errors';
import { isJsonObject } from '../is-object';

type Attributes = Record<string, unknown>;

export interface DynamoDbPersistenceAdapterOptions {
  client: DynamoDBDocumentClient;
  /** Unset when the environment names no table: every call then fails with a PersistenceError. */
  tableName: string | undefined;
  /** Which item a request belongs to; the user id, as in the official adapter. */
  partitionKey?: (requestEnvelope: RequestEnvelope) => string;
}

/**
 * The item layout of ask-sdk-dynamodb-persistence-adapter, so skills can switch in both directions:
 * `{ id: <userId>, attributes: { ...persistent attributes } }`. Two attributes are added beside them, which
 * the official adapter ignores on read and drops on write: `version` for optimistic locking, and `writes`,
 * the tokens of the latest writes (newest first), so that a write can tell whether it was already applied.
 * `version` exists because of dynalite: a condition on the `attributes` map itself would do without it, and
 * DynamoDB Local evaluates one, but dynalite never finds two maps equal (figures in the README; pinned in
 * test/tools/local/engine-differences.test.ts).
 */
const KEY = 'id';
const ATTRIBUTES = 'attributes';
const VERSION = 'version';
const WRITES = 'writes';

/**
 * A write whose answer got lost is looked up among the writes that landed since; only the writes to one
 * user's item that land within one DynamoDB call timeout of it can push it out of the list. A user's devices
 * take turns through optimistic locking, so that is a few writes; 20 tokens of 16 characters cost under
 * 400 bytes per item.
 */
const RECENT_WRITES = 20;

/** A DynamoDB call is not started with less time than this left: it could not answer before the deadline. */
const MIN_CALL_MS = 50;

/**
 * How long one attempt of a call may wait for its answer. DynamoDB answers in milliseconds; an attempt still
 * unanswered after this is not coming back, and the SDK tries once more. So a DynamoDB that never answers
 * costs the user about 3 seconds before the apology, not the whole 8.
 */
const ATTEMPT_TIMEOUT_MS = 1500;

/** What this request read, so its write can check nobody else wrote in between. */
interface ReadSnapshot {
  itemExists: boolean;
  /** The item's `version` as stored, whatever another tool may have put there; undefined when absent. */
  version: unknown;
  writes: string[];
  attributesJson: string;
}

/**
 * A PersistenceAdapter on AWS SDK v3 with optimistic locking: a save fails with ConcurrentUpdateError when
 * the item changed since this request read it, instead of overwriting another device's update. Each save
 * happens at most once, even when the SDK retries a write whose first answer was lost. A save that changes
 * nothing is skipped; a save without a read in the same request writes unconditionally. Every call ends
 * within the request's time budget (../time-budget.ts).
 */
export function createDynamoDbPersistenceAdapter(
  options: DynamoDbPersistenceAdapterOptions,
): PersistenceAdapter {
  const { client, tableName } = options;
  const partitionKeyOf = options.partitionKey ?? getUserId;
  // Keyed by the request envelope object, which the SDK passes unchanged for the whole request.
  const snapshots = new WeakMap<RequestEnvelope, ReadSnapshot>();

  function keyOf(requestEnvelope: RequestEnvelope): Record<string, string> {
    const id: unknown = partitionKeyOf(requestEnvelope);
    if (typeof id !== 'string' || id === '') throw new Error('The request has no user id to keep data under');
    return { [KEY]: id };
  }

  function table(): string {
    if (!tableName)
      throw new PersistenceError('No DynamoDB table configured: set DYNAMODB_PERSISTENCE_TABLE_NAME');
    return tableName;
  }

  async function readItem(requestEnvelope: RequestEnvelope): Promise<Attributes | undefined> {
    const key = keyOf(requestEnvelope);
    const { Item } = await call('GetItem', requestEnvelope, (limits) =>
      client.send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }), limits),
    );
    return Item;
  }

  /** After a write's outcome was lost: whether the item holds its token. */
  async function wasApplied(requestEnvelope: RequestEnvelope, token: string): Promise<boolean> {
    const item = await readItem(requestEnvelope);
    return writesOf(item).includes(token);
  }

  return {
    async getAttributes(requestEnvelope) {
      const item = await readItem(requestEnvelope);
      const attributes = isJsonObject(item?.[ATTRIBUTES]) ? item[ATTRIBUTES] : {};
      snapshots.set(requestEnvelope, {
        itemExists: item !== undefined,
        version: item?.[VERSION],
        writes: writesOf(item),
        attributesJson: JSON.stringify(attributes),
      });
      return attributes;
    },

    async saveAttributes(requestEnvelope, attributes) {
      const snapshot = snapshots.get(requestEnvelope);
      const attributesJson = JSON.stringify(attributes);
      if (snapshot?.attributesJson === attributesJson) return;

      const key = keyOf(requestEnvelope);
      const version = nextVersion(snapshot?.version);
      const token = randomBytes(12).toString('base64url');
      const writes = [token, ...(snapshot?.writes ?? [])].slice(0, RECENT_WRITES);
      try {
        await call('PutItem', requestEnvelope, (limits) =>
          client.send(
            new PutCommand({
              TableName: table(),
              Item: { ...key, [ATTRIBUTES]: attributes, [VERSION]: version, [WRITES]: writes },
              ...(snapshot && unchangedSince(snapshot)),
            }),
            limits,
          ),
        );
      } catch (error) {
        if (error instanceof ItemTooLargeError) throw tooLarge(error, attributes, snapshot);
        if (!mayHaveBeenApplied(error)) throw error;
        let applied: boolean;
        try {
          applied = await wasApplied(requestEnvelope, token);
        } catch (checkError) {
          // A lost race is retried by the caller, which could count twice if the write did land after all.
          throw error instanceof ConcurrentUpdateError ? checkError : error;
        }
        if (!applied) throw error;
        console.info(
          'PutItem: the write was already applied by an attempt whose answer was lost; counted once',
        );
      }
      snapshots.set(requestEnvelope, { itemExists: true, version, writes, attributesJson });
    },

    async deleteAttributes(requestEnvelope) {
      const key = keyOf(requestEnvelope);
      await call('DeleteItem', requestEnvelope, (limits) =>
        client.send(new DeleteCommand({ TableName: table(), Key: key }), limits),
      );
      snapshots.delete(requestEnvelope);
    },
  };
}

type WriteCondition = Pick<
  PutCommandInput,
  'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
>;

/** Past the first case, only because of dynalite (see VERSION): `#attributes = :read` would do for any item. */
function unchangedSince(snapshot: ReadSnapshot): WriteCondition {
  if (!snapshot.itemExists) {
    return { ConditionExpression: 'attribute_not_exists(#key)', ExpressionAttributeNames: { '#key': KEY } };
  }
  if (snapshot.version === undefined) {
    // Written by the official adapter, which keeps no version.
    return {
      ConditionExpression: 'attribute_exists(#key) AND attribute_not_exists(#version)',
      ExpressionAttributeNames: { '#key': KEY, '#version': VERSION },
    };
  }
  const { version } = snapshot;
  if (typeof version === 'number' || typeof version === 'string' || version instanceof NumberValue) {
    return {
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: { '#version': VERSION },
      // The value exactly as read, so that a version another tool wrote as a string matches too.
      ExpressionAttributeValues: { ':version': version },
    };
  }
  // Another tool made the version a map, list or boolean, which not every engine can compare: this one write
  // replaces it unchecked, and the item has a number again.
  return {};
}

/** Counts on from the stored version; one that is not a usable number starts again at 1. */
function nextVersion(stored: unknown): number {
  return typeof stored === 'number' && Number.isSafeInteger(stored) && stored >= 0 ? stored + 1 : 1;
}

function writesOf(item: Attributes | undefined): string[] {
  const writes = item?.[WRITES];
  return Array.isArray(writes) ? writes.filter((token): token is string => typeof token === 'string') : [];
}

interface SdkErrorMetadata {
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/**
 * A write failed in a way that leaves open whether DynamoDB applied it: no answer came (a timeout, a
 * dropped connection), or the SDK retried and the retry found the item changed, possibly by the first try.
 */
function mayHaveBeenApplied(error: unknown): boolean {
  if (!(error instanceof PersistenceError) || error.cause === undefined) return false;
  const { $metadata } = error.cause as SdkErrorMetadata;
  if (error instanceof ConcurrentUpdateError) return ($metadata?.attempts ?? 1) > 1;
  return $metadata?.httpStatusCode === undefined;
}

/**
 * Names how much of the item is attributes this write did not change (data another tool keeps there),
 * since that, not the change, is what made it too large.
 */
function tooLarge(
  error: ItemTooLargeError,
  attributes: Attributes,
  snapshot: ReadSnapshot | undefined,
): ItemTooLargeError {
  const before: unknown = snapshot ? JSON.parse(snapshot.attributesJson) : {};
  const unchanged = Object.entries(attributes).filter(
    ([name, value]) =>
      isJsonObject(before) && JSON.stringify(before[name]) === JSON.stringify(value) && value !== undefined,
  );
  const bytes = Buffer.byteLength(JSON.stringify(Object.fromEntries(unchanged)));
  return new ItemTooLargeError(
    `PutItem refused: item too large: ${bytes} bytes of other attributes (DynamoDB allows 400 KB per item)`,
    { cause: error.cause },
  );
}

/** What a DynamoDB call is sent with: the abort at the deadline, and how long one attempt may wait. */
interface CallOptions {
  abortSignal: AbortSignal;
  requestTimeout: number;
}

/**
 * Runs one DynamoDB call within the request's time budget, turning its failure into a PersistenceError that
 * is safe to log.
 */
async function call<T>(
  operation: string,
  requestEnvelope: RequestEnvelope,
  send: (options: CallOptions) => Promise<T>,
): Promise<T> {
  const timeLeft = timeLeftMs(requestEnvelope);
  if (timeLeft < MIN_CALL_MS) {
    throw new NoAnswerError(`${operation} not sent: no time left to answer within Alexa's 8 seconds`);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeLeft);
  // each attempt gets ATTEMPT_TIMEOUT_MS, or half the time left when that is less, so that the SDK's retry of a
  // call that got no answer (a dropped connection, an overloaded engine) still fits; the abort ends the call,
  // retries and pauses included, when the budget runs out
  const options = {
    abortSignal: controller.signal,
    requestTimeout: Math.min(ATTEMPT_TIMEOUT_MS, timeLeft / 2),
  };
  try {
    return await Promise.race([send(options), rejectOnAbort(controller.signal)]);
  } catch (error) {
    if (error instanceof PersistenceError) throw error;
    if (controller.signal.aborted) {
      throw new NoAnswerError(`${operation} gave up: no answer in time to answer within Alexa's 8 seconds`, {
        cause: error,
      });
    }
    const name = error instanceof Error ? error.name : 'UnknownError';
    if (name === 'TimeoutError') {
      throw new NoAnswerError(`${operation} got no answer: every attempt timed out`, { cause: error });
    }
    if (name === 'ConditionalCheckFailedException') {
      throw new ConcurrentUpdateError(`${operation} lost a race with another update`, { cause: error });
    }
    if (name === 'ValidationException' && /item size/i.test((error as Error).message)) {
      throw new ItemTooLargeError(`${operation} refused: item too large`, { cause: error });
    }
    throw new PersistenceError(`${operation} failed: ${name}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Settles a race the moment the budget runs out, even while the SDK sleeps between attempts. */
function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(new Error('aborted at the deadline')), { once: true });
  });
}
