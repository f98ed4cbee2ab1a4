import { getUserId, PersistenceAdapter } from 'ask-sdk-core';
import { RequestEnvelope } from 'ask-sdk-model';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  PutCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError, PersistenceError } from './errors';

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
 * `{ id: <userId>, attributes: { ...persistent attributes } }`. `version` is added for optimistic locking;
 * the official adapter ignores it on read and drops it on write.
 */
const KEY = 'id';
const ATTRIBUTES = 'attributes';
const VERSION = 'version';

/** What this request read, so its write can check nobody else wrote in between. */
interface ReadSnapshot {
  itemExists: boolean;
  version: number | undefined;
  attributesJson: string;
}

/**
 * A PersistenceAdapter on AWS SDK v3 with optimistic locking: a save fails with ConcurrentUpdateError when
 * the item changed since this request read it, instead of overwriting another device's update. A save that
 * changes nothing is skipped. A save without a read in the same request writes unconditionally.
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

  return {
    async getAttributes(requestEnvelope) {
      const key = keyOf(requestEnvelope);
      const { Item } = await call('GetItem', () =>
        client.send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true })),
      );
      const attributes = isRecord(Item?.[ATTRIBUTES]) ? Item[ATTRIBUTES] : {};
      snapshots.set(requestEnvelope, {
        itemExists: Item !== undefined,
        version: typeof Item?.[VERSION] === 'number' ? Item[VERSION] : undefined,
        attributesJson: JSON.stringify(attributes),
      });
      return attributes;
    },

    async saveAttributes(requestEnvelope, attributes) {
      const snapshot = snapshots.get(requestEnvelope);
      const attributesJson = JSON.stringify(attributes);
      if (snapshot?.attributesJson === attributesJson) return;

      const key = keyOf(requestEnvelope);
      const version = (snapshot?.version ?? 0) + 1;
      await call('PutItem', () =>
        client.send(
          new PutCommand({
            TableName: table(),
            Item: { ...key, [ATTRIBUTES]: attributes, [VERSION]: version },
            ...(snapshot && unchangedSince(snapshot)),
          }),
        ),
      );
      snapshots.set(requestEnvelope, { itemExists: true, version, attributesJson });
    },

    async deleteAttributes(requestEnvelope) {
      const key = keyOf(requestEnvelope);
      await call('DeleteItem', () => client.send(new DeleteCommand({ TableName: table(), Key: key })));
      snapshots.delete(requestEnvelope);
    },
  };
}

type WriteCondition = Pick<
  PutCommandInput,
  'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
>;

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
  return {
    ConditionExpression: '#version = :version',
    ExpressionAttributeNames: { '#version': VERSION },
    ExpressionAttributeValues: { ':version': snapshot.version },
  };
}

/** Runs one DynamoDB call, turning its failure into a PersistenceError that is safe to log. */
async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof PersistenceError) throw error;
    const name = error instanceof Error ? error.name : 'UnknownError';
    if (name === 'ConditionalCheckFailedException') {
      throw new ConcurrentUpdateError(`${operation} lost a race with another update`, { cause: error });
    }
    throw new PersistenceError(`${operation} failed: ${name}`, { cause: error });
  }
}

function isRecord(value: unknown): value is Attributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
