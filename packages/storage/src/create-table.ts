import {
  CreateTableCommand,
  DescribeTableCommand,
  LimitExceededException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { keyAttributeNames, tableSchema } from './table-schema';

type DeclaredIndex = (typeof tableSchema.globalSecondaryIndexes)[number];

const indexKeySchema = (index: DeclaredIndex) => [
  { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
  { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
];

export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributeNames().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableSchema.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableSchema.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableSchema.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: indexKeySchema(index),
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableSchema.stream },
  };
}

/**
 * Creates the table locally from the same declaration as the CDK table. A table already there is
 * kept, and gets any index the declaration has gained since it was made (a developer's `.data`
 * table from before an index existed), so its data need not be thrown away.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existing'> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    await addMissingIndexes(client, tableName, Table);
    await enableStream(client, tableName, Table);
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  await client.send(
    new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: tableSchema.timeToLiveAttribute, Enabled: true } }),
  );
  return 'created';
}

/** A developer's table from before the stream was declared gets it; another process may have asked first. */
async function enableStream(client: DynamoDBClient, tableName: string, table: TableDescription | undefined): Promise<void> {
  if (table?.StreamSpecification?.StreamEnabled) return;
  try {
    await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: tableSchema.stream } }));
  } catch (error) {
    if (!(error instanceof ResourceInUseException || (error instanceof Error && /already (has|enabled)/iu.test(error.message)))) throw error;
  }
}

/** The declared indexes the table lacks, in the declaration's order. */
export function missingIndexes(table: TableDescription | undefined): DeclaredIndex[] {
  const present = new Set((table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  return tableSchema.globalSecondaryIndexes.filter((index) => !present.has(index.indexName));
}

/** Long enough for DynamoDB (or a busy DynamoDB Local) to build an index over a developer's table. */
const INDEX_WAIT_MS = 5 * 60_000;
const INDEX_POLL_MS = 250;

/**
 * Adds each missing index with its own UpdateTable, waiting until it is active before the next:
 * DynamoDB builds one index of a table at a time, and refuses another meanwhile.
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, table: TableDescription | undefined): Promise<void> {
  if (missingIndexes(table).length === 0) return;
  const deadline = Date.now() + INDEX_WAIT_MS;
  // One being built already (another process starting on the same table, or a start cut short): it finishes first.
  let current = await untilNoIndexBuilding(client, tableName, deadline);
  for (let index = missingIndexes(current)[0]; index; index = missingIndexes(current)[0]) {
    if (Date.now() > deadline) throw new Error(`Index ${index.indexName} of ${tableName} was not created within ${INDEX_WAIT_MS / 1000} seconds`);
    try {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [index.partitionKey, index.sortKey].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.indexName, KeySchema: indexKeySchema(index), Projection: { ProjectionType: 'ALL' } } }],
        }),
      );
    } catch (error) {
      // Another process asked first, for this index or another: wait for it, then look again.
      if (!(error instanceof ResourceInUseException || error instanceof LimitExceededException || (error instanceof Error && /already exists/iu.test(error.message)))) throw error;
    }
    current = await untilNoIndexBuilding(client, tableName, deadline);
  }
}

/** The table once it is active and none of its indexes is being built. */
async function untilNoIndexBuilding(client: DynamoDBClient, tableName: string, deadline: number): Promise<TableDescription | undefined> {
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const building = (Table?.GlobalSecondaryIndexes ?? []).filter((index) => index.IndexStatus !== 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && building.length === 0) return Table;
    if (Date.now() > deadline) {
      throw new Error(`The indexes of ${tableName} are still being built after ${INDEX_WAIT_MS / 1000} seconds: ${building.map((index) => `${index.IndexName} ${index.IndexStatus}`).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, INDEX_POLL_MS));
  }
}
