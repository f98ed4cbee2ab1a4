import { expect } from 'chai';
import {
  AttributeValue,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  PutItemCommandInput,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDbEngine } from '../../../tools/local/embedded-dynamodb';
import { describeOnEachEngine, useFreshTable } from '../../support/engines';

/**
 * Where dynalite and Amazon's DynamoDB Local disagree, each engine's behaviour pinned (the README's
 * persistence section lists them), next to the agreements the adapter relies on. Found by probing both
 * with the same requests; neither engine is the cloud service, so neither side is claimed to be "right".
 */
type Outcome = 'accepted' | string;

describeOnEachEngine('where the DynamoDB engines differ', (engine) => {
  const table = useFreshTable(engine);
  let client: DynamoDBClient;
  beforeEach(() => (client = new DynamoDBClient({ ...table, maxAttempts: 1 })));
  afterEach(() => client.destroy());

  const per = <T>(outcomes: Record<DynamoDbEngine, T>): T => outcomes[engine];
  const put = (item: Record<string, AttributeValue>, extra: Partial<PutItemCommandInput> = {}) =>
    client.send(new PutItemCommand({ TableName: table.tableName, Item: item, ...extra }));
  /** 'accepted', or the error as "Name: message". */
  const outcome = async (request: () => Promise<unknown>): Promise<Outcome> => {
    try {
      await request();
      return 'accepted';
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  };

  describe('conditions', () => {
    const attributes: AttributeValue = { M: { counter: { N: '1' }, name: { S: 'x' } } };
    const ifAttributesEqual = (map: AttributeValue): Partial<PutItemCommandInput> => ({
      ConditionExpression: '#attributes = :attributes',
      ExpressionAttributeNames: { '#attributes': 'attributes' },
      ExpressionAttributeValues: { ':attributes': map },
    });

    it('a map compared with an equal map: equal on DynamoDB Local (key order aside), never on dynalite', async () => {
      await put({ id: { S: 'u' }, attributes });
      const sameOrder = await outcome(() =>
        put({ id: { S: 'u' }, attributes }, ifAttributesEqual(attributes)),
      );
      const otherOrder = await outcome(() =>
        put(
          { id: { S: 'u' }, attributes },
          ifAttributesEqual({ M: { name: { S: 'x' }, counter: { N: '1' } } }),
        ),
      );
      const expected = per({
        dynalite: 'ConditionalCheckFailedException: The conditional request failed',
        'dynamodb-local': 'accepted',
      });
      expect([sameOrder, otherOrder]).to.deep.equal([expected, expected]);
    });

    it('a number compared with a number: equal on both, so the adapter keeps a version number', async () => {
      await put({ id: { S: 'u' }, version: { N: '1' } });
      expect(
        await outcome(() =>
          put(
            { id: { S: 'u' }, version: { N: '2' } },
            { ConditionExpression: 'version = :read', ExpressionAttributeValues: { ':read': { N: '1' } } },
          ),
        ),
      ).to.equal('accepted');
    });

    it('a failed condition: the same error on both; only DynamoDB Local returns the item when asked', async () => {
      await put({ id: { S: 'u' }, version: { N: '2' } });
      let error: (Error & { Item?: unknown }) | undefined;
      await put(
        { id: { S: 'u' }, version: { N: '3' } },
        {
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': { N: '1' } },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      ).catch((caught: Error) => (error = caught));
      expect(`${error?.name}: ${error?.message}`).to.equal(
        'ConditionalCheckFailedException: The conditional request failed',
      );
      expect(error?.Item).to.deep.equal(
        per({ dynalite: undefined, 'dynamodb-local': { id: { S: 'u' }, version: { N: '2' } } }),
      );
    });
  });

  describe('the 400 KB item limit', () => {
    /** The adapter's layout: { id, attributes: { counter, s }, version }. */
    const itemWith = (s: string): Record<string, AttributeValue> => ({
      id: { S: 'u' },
      attributes: { M: { counter: { N: '1' }, s: { S: s } } },
      version: { N: '1' },
    });

    it('counts ASCII text, numbers and names alike on both: 409 563 characters fit in this item, one more does not', async () => {
      expect(await outcome(() => put(itemWith('x'.repeat(409_563))))).to.equal('accepted');
      expect(await outcome(() => put(itemWith('x'.repeat(409_564))))).to.equal(
        'ValidationException: Item size has exceeded the maximum allowed size',
      );
    });

    it('counts other text in UTF-8 bytes on DynamoDB Local, in UTF-16 code units on dynalite', async () => {
      // 204 799 "é" are 409 598 bytes in UTF-8: over the limit in DynamoDB's accounting, half of it in dynalite's
      expect(await outcome(() => put(itemWith('é'.repeat(204_799))))).to.equal(
        per({
          dynalite: 'accepted',
          'dynamodb-local': 'ValidationException: Item size has exceeded the maximum allowed size',
        }),
      );
    });
  });

  it('a partition key of 2 048 "é": over the 2 048-byte limit on DynamoDB Local, within 2 048 characters on dynalite', async () => {
    const outcomeOfKey = await outcome(() => put({ id: { S: 'é'.repeat(2048) } }));
    expect(outcomeOfKey.split(':')[0]).to.equal(
      per({ dynalite: 'accepted', 'dynamodb-local': 'ValidationException' }),
    );
  });

  it('maps nested 32 deep in an attribute: refused by DynamoDB Local, kept by dynalite', async () => {
    let nested: AttributeValue = { S: 'leaf' };
    for (let level = 0; level < 32; level++) nested = { M: { inner: nested } };
    expect(await outcome(() => put({ id: { S: 'u' }, nested }))).to.equal(
      per({
        dynalite: 'accepted',
        'dynamodb-local':
          'ValidationException: Nesting Levels have exceeded supported limits: ' +
          'Attributes in the item have nested levels beyond supported limit',
      }),
    );
  });

  it('transactions: DynamoDB Local runs TransactWriteItems, dynalite does not know it', async () => {
    expect(
      await outcome(() =>
        client.send(
          new TransactWriteItemsCommand({
            TransactItems: [{ Put: { TableName: table.tableName, Item: { id: { S: 'u' } } } }],
          }),
        ),
      ),
    ).to.equal(per({ dynalite: 'UnknownOperationException: UnknownError', 'dynamodb-local': 'accepted' }));
  });

  describe('error messages: the same error names (all the adapter reads), other texts', () => {
    it('a table that does not exist', async () => {
      expect(
        await outcome(() =>
          client.send(new GetItemCommand({ TableName: 'no-such-table', Key: { id: { S: 'u' } } })),
        ),
      ).to.equal(
        per({
          dynalite: 'ResourceNotFoundException: Requested resource not found',
          'dynamodb-local': 'ResourceNotFoundException: Cannot do operations on a non-existent table',
        }),
      );
    });

    it('a key of the wrong type', async () => {
      expect(
        await outcome(() =>
          client.send(new GetItemCommand({ TableName: table.tableName, Key: { id: { N: '1' } } })),
        ),
      ).to.equal(
        per({
          dynalite: 'ValidationException: The provided key element does not match the schema',
          'dynamodb-local':
            'ValidationException: One or more parameter values were invalid: Type mismatch for key',
        }),
      );
    });

    it('a number with 39 significant digits', async () => {
      expect(await outcome(() => put({ id: { S: 'u' }, n: { N: '1'.repeat(39) } }))).to.equal(
        per({
          dynalite: 'ValidationException: Attempting to store more than 38 significant digits in a Number',
          'dynamodb-local': 'ValidationException: DynamoDB only supports precision up to 38 digits',
        }),
      );
    });
  });
});
