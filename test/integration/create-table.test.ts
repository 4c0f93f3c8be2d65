import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startDynamoDbLocal, type RunningDynamoDb } from '@pip/local';
import { createTableInput, ensureTable, missingIndexes, tableSchema } from '@pip/storage';

/*
 * A developer's table made before an index was declared gets the index when the platform starts,
 * keeping its data. On a DynamoDB Local of its own, as a developer's `.data` holds one table: the
 * run's shared one holds a table per test file, and DynamoDB Local (3.x) leaves an index it adds
 * to a table CREATING for good once it holds a dozen or so tables with their indexes.
 */
let dynamo: RunningDynamoDb;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;
const tableName = `pip-old-table-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({ port: await freePort() });
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-west-2' });
  documents = DynamoDBDocumentClient.from(client);
  // The table as it was declared before the person and retention indexes: gsi1 alone.
  const current = createTableInput(tableName);
  const old = current.GlobalSecondaryIndexes!.filter((index) => index.IndexName === 'gsi1');
  await client.send(
    new CreateTableCommand({
      ...current,
      GlobalSecondaryIndexes: old,
      AttributeDefinitions: current.AttributeDefinitions!.filter((definition) => ['pk', 'sk', 'gsi1pk', 'gsi1sk'].includes(definition.AttributeName!)),
    }),
  );
  await documents.send(new PutCommand({ TableName: tableName, Item: { pk: 'AREA#kept', sk: 'AREA', gsi2pk: 'PERSON#abc', gsi2sk: 'EMAIL#1', type: 'area' } }));
});
afterAll(async () => {
  await client?.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
  client?.destroy();
  await dynamo?.stop();
});

describe('starting on a table made before its indexes', () => {
  it('adds every declared index the table lacks, one at a time until active, and keeps the data', async () => {
    const before = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
    expect(missingIndexes(before).map((index) => index.indexName)).toEqual(['gsi2', 'gsi3']);

    expect(await ensureTable(client, tableName)).toBe('existing');

    const after = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
    expect(missingIndexes(after)).toEqual([]);
    expect(after.GlobalSecondaryIndexes!.map((index) => [index.IndexName, index.IndexStatus]).sort()).toEqual(
      tableSchema.globalSecondaryIndexes.map((index) => [index.indexName, 'ACTIVE']),
    );
    expect((await documents.send(new GetCommand({ TableName: tableName, Key: { pk: 'AREA#kept', sk: 'AREA' } }))).Item).toMatchObject({ type: 'area' });
    // An item written before the index existed is found by it.
    const found = await documents.send(new QueryCommand({ TableName: tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :person', ExpressionAttributeValues: { ':person': 'PERSON#abc' } }));
    expect(found.Items?.map((item) => item.pk)).toEqual(['AREA#kept']);
  }, 120_000);

  it('changes nothing on a table that has them all', async () => {
    const before = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
    expect(await ensureTable(client, tableName)).toBe('existing');
    const after = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
    expect(after.GlobalSecondaryIndexes!.map((index) => index.IndexName).sort()).toEqual(before.GlobalSecondaryIndexes!.map((index) => index.IndexName).sort());
  }, 60_000);
});
