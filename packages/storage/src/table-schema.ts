/**
 * The one declaration of the table's keys and indexes. The CDK table and the local table
 * creation both read it, so they cannot drift apart.
 */
export const tableSchema = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    /** Lookups by a second key: application by reference, areas in a list, pending emails. */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  ],
  /** Items that simply expire (a day's email count) carry their end here, in epoch seconds, and DynamoDB deletes them. */
  timeToLiveAttribute: 'forgetAtEpoch',
} as const;

export type IndexName = (typeof tableSchema.globalSecondaryIndexes)[number]['indexName'];

/** Every key attribute is a string. */
export function keyAttributeNames(): string[] {
  return [
    tableSchema.partitionKey,
    tableSchema.sortKey,
    ...tableSchema.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
}
