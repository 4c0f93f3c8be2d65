import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '@pip/storage';

/** The one setting every handler and the local workflow read the platform's time from. */
const OFFSET_VARIABLE = 'PIP_LOCAL_CLOCK_OFFSET_MS';

export const platformClockOffset = (): number => Number(process.env[OFFSET_VARIABLE] ?? 0);

/** The platform's time now, for a process that runs the local platform in itself. */
export const platformNow = (): Date => new Date(Date.now() + platformClockOffset());

/**
 * Sets the platform's time, from which it then runs on, for platforms this process starts afresh: a
 * test of rules that depend on the date (a first workshop "in the future", Christmas between two
 * workshops) then holds whatever day it runs. Before or after the machine's time alike.
 */
export function pinPlatformClock(at: string): () => void {
  const before = process.env[OFFSET_VARIABLE];
  process.env[OFFSET_VARIABLE] = String(Date.parse(at) - Date.now());
  // Puts the time back as it was, for what else runs in this process afterwards.
  return () => {
    if (before === undefined) delete process.env[OFFSET_VARIABLE];
    else process.env[OFFSET_VARIABLE] = before;
  };
}

/**
 * Takes up the clock where the data left it: areas wait on the platform's time, so a restart that
 * moved it back to the machine's would reopen recruitment and replay waits already over.
 */
export async function restorePlatformClock(documents: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const stored = await documents.send(new GetCommand({ TableName: tableName, Key: keys.localClock(), ConsistentRead: true }));
  // A table with no clock yet leaves the time as it is (the machine's, or one a test pinned).
  if (!stored.Item) return;
  const offset = Number(stored.Item.offsetMs ?? 0);
  if (offset > platformClockOffset()) process.env[OFFSET_VARIABLE] = String(offset);
}

/** Moves the platform clock forward and keeps the new time with the data. */
export async function advancePlatformClock(documents: DynamoDBDocumentClient, tableName: string, milliseconds: number): Promise<void> {
  const offsetMs = platformClockOffset() + milliseconds;
  await documents.send(new PutCommand({ TableName: tableName, Item: { ...keys.localClock(), type: 'local-clock', offsetMs, updatedAt: new Date().toISOString() } }));
  process.env[OFFSET_VARIABLE] = String(offsetMs);
}
