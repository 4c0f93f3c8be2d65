import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AreaSelection, AuditEntry, SelectionStore } from '@pip/domain';
import { auditPut } from './audit-store';
import { unlessLostRace } from './conditional';
import { getItem, getItems, optional, type Item } from './items';
import { keys } from './keys';

export class DynamoSelectionStore implements SelectionStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(areaId: string): Promise<AreaSelection | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.selection(areaId));
    return item ? toSelection(item) : undefined;
  }

  async getMany(areaIds: readonly string[]): Promise<Map<string, AreaSelection>> {
    const items = await getItems(this.documents, this.tableName, areaIds.map((areaId) => keys.selection(areaId)));
    return new Map(items.map(toSelection).map((selection) => [selection.areaId, selection]));
  }

  /**
   * Writes the next version of the selection with its audit entry in one transaction, only if the
   * stored version is still `expectedVersion` (0: none stored yet). False when someone else changed
   * it first; then nothing is written.
   */
  async write(next: AreaSelection, expectedVersion: number, audit: AuditEntry): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: selectionPut(this.tableName, next, expectedVersion) },
            { Put: auditPut(this.tableName, audit) },
          ],
        }),
      ),
    );
  }
}

/** The Put of a selection's next version, only if the stored version is still `expectedVersion` (0: none stored yet). */
export function selectionPut(tableName: string, next: AreaSelection, expectedVersion: number) {
  const condition =
    expectedVersion === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } };
  return { TableName: tableName, Item: { ...keys.selection(next.areaId), type: 'selection', ...next }, ...condition };
}

function toSelection({
  areaId,
  version,
  status,
  selected,
  leads,
  updatedBy,
  updatedAt,
  approvedBy,
  approvedAt,
  outcomes,
  reserves,
  offered,
  withdrawn,
  declined,
  membership,
}: Item): AreaSelection {
  return { areaId, version, status, selected, leads, updatedBy, updatedAt, ...optional({ approvedBy, approvedAt, outcomes, reserves, offered, withdrawn, declined, membership }) };
}
