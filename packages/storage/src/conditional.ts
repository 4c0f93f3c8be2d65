import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

type MoveStep = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * True when a write lost a race with another writer: its condition no longer held, or DynamoDB
 * cancelled the transaction because another one touched the same item. The caller re-reads and
 * decides again; both cases are answered the same way.
 */
export function isLostRace(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConditionalCheckFailedException') return true;
  if (error.name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons.some((reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict');
  }
  return false;
}

/** Runs a conditional write: true when it landed, false when it lost a race; any other error is thrown. */
export async function unlessLostRace(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isLostRace(error)) return false;
    throw error;
  }
}

/**
 * Keys cannot change in place: an item moves to a new key as a delete of the old one, only at the
 * version read, and a put of the new one, only where nothing is; both in one transaction.
 */
export function moveItem(
  tableName: string,
  from: Record<string, string>,
  expectedVersion: number,
  item: Record<string, unknown>,
): [MoveStep, MoveStep] {
  return [
    {
      Delete: {
        TableName: tableName,
        Key: from,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    },
    { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
}
