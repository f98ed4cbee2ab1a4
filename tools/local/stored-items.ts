import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { EmbeddedDynamoDb } from './embedded-dynamodb';

/** An item as JSON: DynamoDB's sets become lists, binary becomes base64, numbers beyond 2^53 stay text. */
export type StoredItem = Record<string, unknown>;

/**
 * What the skill keeps for each user in the embedded store, looked at from outside the skill: the whole item
 * under the user's id (`id`, `attributes`, and what the adapter adds beside them), as the developer console's
 * DynamoDB tab would show it. Reads are consistent: they see the turn that just ended.
 */
export interface StoredItems {
  read(userId: string): Promise<StoredItem | undefined>;
  /** Deletes the user's item: the skill meets them as a new user. */
  remove(userId: string): Promise<void>;
  close(): void;
}

export function openStoredItems(store: EmbeddedDynamoDb): StoredItems {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(store), {
    unmarshallOptions: { wrapNumbers: readNumber },
  });
  const Key = (userId: string) => ({ id: userId });
  return {
    async read(userId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: store.tableName, Key: Key(userId), ConsistentRead: true }),
      );
      return Item && (asJson(Item) as StoredItem);
    },
    async remove(userId) {
      await client.send(new DeleteCommand({ TableName: store.tableName, Key: Key(userId) }));
    },
    close: () => client.destroy(),
  };
}

function readNumber(text: string): number | string {
  const value = Number(text);
  return Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value : text;
}

function asJson(value: unknown): unknown {
  if (value instanceof Set) return [...value].map(asJson);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(asJson);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asJson(inner)]));
  }
  return value;
}
