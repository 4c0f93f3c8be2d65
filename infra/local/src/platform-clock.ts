import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '@pip/storage';

/** The one setting every handler and the local workflow read the platform's time from. */
const OFFSET_VARIABLE = 'PIP_LOCAL_CLOCK_OFFSET_MS';

export const platformClockOffset = (): number => Number(process.env[OFFSET_VARIABLE] ?? 0);

/**
 * Takes up the clock where the data left it: areas wait on the platform's time, so a restart that
 * moved it back to the machine's would reopen recruitment and replay waits already over.
 */
export async function restorePlatformClock(documents: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const stored = await documents.send(new GetCommand({ TableName: tableName, Key: keys.localClock(), ConsistentRead: true }));
  const offset = Number(stored.Item?.offsetMs ?? 0);
  if (offset > platformClockOffset()) process.env[OFFSET_VARIABLE] = String(offset);
}

/** Moves the platform clock forward and keeps the new time with the data. */
export async function advancePlatformClock(documents: DynamoDBDocumentClient, tableName: string, milliseconds: number): Promise<void> {
  const offsetMs = platformClockOffset() + milliseconds;
  await documents.send(new PutCommand({ TableName: tableName, Item: { ...keys.localClock(), type: 'local-clock', offsetMs, updatedAt: new Date().toISOString() } }));
  process.env[OFFSET_VARIABLE] = String(offsetMs);
}
