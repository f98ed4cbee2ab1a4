import './web-crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, NumberValue } from '@aws-sdk/lib-dynamodb';

export interface DynamoDbClientOptions {
  region: string | undefined;
  /** A local engine; in production the SDK's own AWS_ENDPOINT_URL_DYNAMODB variable is enough. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Alexa waits 8 seconds for an answer. The adapter bounds every call, retries included, by the request's
 * time budget (../time-budget.ts) and gives each attempt at most 1.5 s, or half the time left when that is
 * less; these are the limits for a call made without one. Two attempts: a second try on a fresh connection, and no more, since more tries of an
 * overloaded table only add to its load.
 */
const MAX_ATTEMPTS = 2;
const CONNECTION_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 3500;

export function createDocumentClient(options: DynamoDbClientOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    maxAttempts: MAX_ATTEMPTS,
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      // Without this the SDK only logs a warning when the timeout passes, and goes on waiting.
      throwOnRequestTimeout: true,
    },
  });
  return DynamoDBDocumentClient.from(client, {
    // As ask-sdk-dynamodb-persistence-adapter does: undefined values are dropped, not rejected.
    marshallOptions: { removeUndefinedValues: true },
    unmarshallOptions: { wrapNumbers: readNumber },
  });
}

/**
 * A stored number too large for a JavaScript number stays a NumberValue, written back unchanged, instead
 * of failing the whole read (the SDK's default for, say, 1e300).
 */
function readNumber(text: string): number | NumberValue {
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER
    ? value
    : NumberValue.from(text);
}
