import { expect } from 'chai';
import { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../lambda/src/persistence/dynamodb-client';
import { createDynamoDbPersistenceAdapter } from '../../../lambda/src/persistence/dynamodb-persistence-adapter';
import { ConcurrentUpdateError, PersistenceError } from '../../../lambda/src/persistence/errors';
import { launchRequest } from '../../support/requests';
import { describeOnEachEngine, useFreshTable } from '../../support/engines';
import { countCalls } from '../../support/local-skill';

describeOnEachEngine('DynamoDB persistence adapter', (engine) => {
  const store = useFreshTable(engine);
  let client: DynamoDBDocumentClient;
  let calls: string[];
  const adapter = () => createDynamoDbPersistenceAdapter({ client, tableName: store.tableName });
  const request = (userId = 'amzn1.ask.account.A'): RequestEnvelope => launchRequest({ userId });

  beforeEach(() => {
    client = createDocumentClient(store);
    calls = countCalls(client);
  });
  afterEach(() => client.destroy());

  it('returns an empty object for a user with no item', async () => {
    expect(await adapter().getAttributes(request())).to.deep.equal({});
  });

  it("stores the official adapter's layout: key id = user id, attributes in the map 'attributes'", async () => {
    await adapter().saveAttributes(request('amzn1.ask.account.A'), { counter: 3, name: 'x' });
    const inspector = createDynamoDbPersistenceAdapter({ client, tableName: store.tableName });
    expect(await inspector.getAttributes(request('amzn1.ask.account.A'))).to.deep.equal({
      counter: 3,
      name: 'x',
    });
    const raw = await client.send(
      new (await import('@aws-sdk/lib-dynamodb')).GetCommand({
        TableName: store.tableName,
        Key: { id: 'amzn1.ask.account.A' },
      }),
    );
    expect(raw.Item).to.include({ id: 'amzn1.ask.account.A' });
    expect(raw.Item?.attributes).to.deep.equal({ counter: 3, name: 'x' });
  });

  it('skips the write when the attributes did not change since the read', async () => {
    const persistence = adapter();
    const envelope = request();
    await persistence.saveAttributes(envelope, { counter: 1 });
    const second = request();
    const read = await persistence.getAttributes(second);
    calls.length = 0;
    await persistence.saveAttributes(second, { ...read });
    expect(calls).to.deep.equal([]);
  });

  it('refuses to overwrite a change made by another request since this one read', async () => {
    const persistence = adapter();
    const first = request();
    const second = request();
    await persistence.getAttributes(first);
    await persistence.getAttributes(second);
    await persistence.saveAttributes(first, { counter: 1 });
    let error: unknown;
    await persistence.saveAttributes(second, { counter: 1 }).catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(ConcurrentUpdateError);
    expect(await persistence.getAttributes(request())).to.deep.equal({ counter: 1 });
  });

  it('lets one request save twice in a row', async () => {
    const persistence = adapter();
    const envelope = request();
    await persistence.getAttributes(envelope);
    await persistence.saveAttributes(envelope, { counter: 1 });
    await persistence.saveAttributes(envelope, { counter: 2 });
    expect(await persistence.getAttributes(request())).to.deep.equal({ counter: 2 });
  });

  it('deletes the whole item', async () => {
    const persistence = adapter();
    await persistence.saveAttributes(request(), { counter: 5 });
    await persistence.deleteAttributes?.(request());
    expect(await persistence.getAttributes(request())).to.deep.equal({});
  });

  it('fails with a PersistenceError that names the operation when no table is configured', async () => {
    const persistence = createDynamoDbPersistenceAdapter({ client, tableName: undefined });
    let error: unknown;
    await persistence.getAttributes(request()).catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(PersistenceError);
    expect(String(error)).to.contain('DYNAMODB_PERSISTENCE_TABLE_NAME');
  });

  it('fails with a PersistenceError naming the DynamoDB error, not the user, when the table is missing', async () => {
    const persistence = createDynamoDbPersistenceAdapter({ client, tableName: 'no-such-table' });
    let error: unknown;
    await persistence
      .getAttributes(request('amzn1.ask.account.SECRET'))
      .catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(PersistenceError);
    expect((error as Error).message).to.equal('GetItem failed: ResourceNotFoundException');
  });
});
