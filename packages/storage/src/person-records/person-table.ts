import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../items';
import { tableSchema } from '../table-schema';

/**
 * The table as every part of a person's records reaches it: the parts are plain functions, so the
 * store hands each the client and table it was built with, and the programme team's own mailboxes.
 */
export interface PersonTable {
  readonly documents: DynamoDBDocumentClient;
  readonly tableName: string;
  /**
   * The programme team's own mailboxes, whose alerts may name a person (an email that did not
   * reach them), searched for mentions as the other people of an area are.
   */
  readonly teamAddresses?: (() => readonly string[]) | undefined;
}

/** Attributes that are keys or the item's kind: never rewritten in place. */
export const KEY_ATTRIBUTES = new Set([
  tableSchema.partitionKey,
  tableSchema.sortKey,
  ...tableSchema.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  'type',
]);
export const PERSON_INDEX = tableSchema.globalSecondaryIndexes.find((index) => index.indexName === 'gsi2')!;
export const RETENTION_INDEX = tableSchema.globalSecondaryIndexes.find((index) => index.indexName === 'gsi3')!;

/** The attributes of an item that are its entity, keys and kind left out. */
export function entityOf(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)));
}
