import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Item } from './items';

/** Follows LastEvaluatedKey so that a list is never silently cut at 1 MB. */
export async function queryAll(
  documents: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Every item of one partition whose sort key starts with the prefix, read consistently, oldest key first unless told. */
export function queryPrefix(
  documents: DynamoDBDocumentClient,
  tableName: string,
  key: { pk: string; skPrefix: string },
  options: { newestFirst?: boolean } = {},
): Promise<Item[]> {
  return queryAll(documents, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': key.pk, ':prefix': key.skPrefix },
    ConsistentRead: true,
    ...(options.newestFirst ? { ScanIndexForward: false } : {}),
  });
}
