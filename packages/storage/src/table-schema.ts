/**
 * The one declaration of the table's keys and indexes. The CDK table and the local table
 * creation both read it, so they cannot drift apart.
 */
export const tableSchema = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    /** Lookups by a second key: application by reference, areas in a list, pending emails, an area's timeline entries of one kind. */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /**
     * Who an item is about, by the hash of their email address (`keys.personIndex`): the emails sent
     * to or about a person, their links, nominations and unreachable-address records, found
     * for their export or erasure without reading every area.
     */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /**
     * When an item's retention period ends (`keys.retentionDue`): the daily retention pass reads
     * only what is due, kind by kind, in date order.
     */
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
  /** Items that simply expire (a day's email count) carry their end here, in epoch seconds, and DynamoDB deletes them. */
  timeToLiveAttribute: 'forgetAtEpoch',
  /**
   * Each item as written goes on the table's stream (DynamoDB Streams in AWS; DynamoDB Local's own
   * here), for the function that acts on new records: only the records `newRecordFilters` match reach it.
   */
  stream: 'NEW_IMAGE',
} as const;

/**
 * The stream records that invoke the function acting on new records, as Lambda filter patterns (the
 * local platform applies the same patterns to DynamoDB Local's stream). Everything else on the stream
 * (links, timeline entries, counters, every update) never invokes it.
 */
export const newRecordFilters = {
  /** An email a request queued and left to be sent as soon as it is stored (`deliverOnInsert`). */
  emailToDeliver: { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['email'] }, status: { S: ['pending'] }, deliverOnInsert: { BOOL: [true] } } } },
  /** An application stored under an address: what the address saved for the area goes. */
  applicationStored: { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['application'] } } } },
  /** A decision's announcement (`announcement-store.ts`): its emails are made and sent, one per person. */
  announcementMade: { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['announcement'] } } } },
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
