import { GetCommand, type DynamoDBDocumentClient, type NativeAttributeValue } from '@aws-sdk/lib-dynamodb';

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

/**
 * The optional fields an item has. One it lacks stays absent rather than becoming `undefined`,
 * so an entity read back has the keys it was written with.
 */
export function optional<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
