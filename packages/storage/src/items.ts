import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient, type NativeAttributeValue } from '@aws-sdk/lib-dynamodb';

/**
 * An item as DynamoDB gives it back. Its attributes are untyped; each store's mapper picks its
 * entity's fields from it, so keys and the item's `type` never leak into what a store returns.
 */
export type Item = Record<string, NativeAttributeValue>;

/** One item by its key, read consistently: a decision made on it must see the last write. */
export async function getItem(documents: DynamoDBDocumentClient, tableName: string, key: Record<string, string>): Promise<Item | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item;
}

/** DynamoDB's limit on the keys of one BatchGetItem. */
const BATCH_GET_KEYS = 100;

/**
 * Items by their keys in one round trip (one per hundred keys), read consistently; those that do
 * not exist are simply absent, in no particular order. Keys DynamoDB leaves unprocessed (under
 * throttling) are asked for again until none are left.
 */
export async function getItems(documents: DynamoDBDocumentClient, tableName: string, keys: readonly Record<string, string>[]): Promise<Item[]> {
  const unique = [...new Map(keys.map((key) => [JSON.stringify([key.pk, key.sk]), key])).values()];
  const chunks = Array.from({ length: Math.ceil(unique.length / BATCH_GET_KEYS) }, (_, i) => unique.slice(i * BATCH_GET_KEYS, (i + 1) * BATCH_GET_KEYS));
  const found = await Promise.all(
    chunks.map(async (chunk) => {
      const items: Item[] = [];
      let pending: Record<string, NativeAttributeValue>[] = chunk;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
        const { Responses, UnprocessedKeys } = await documents.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
        items.push(...(Responses?.[tableName] ?? []));
        pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
      }
      return items;
    }),
  );
  return found.flat();
}

/**
 * The optional fields an item has. One it lacks stays absent rather than becoming `undefined`,
 * so an entity read back has the keys it was written with.
 */
export function optional<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
