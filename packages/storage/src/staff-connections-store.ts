import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, DeclaredConflict, DeclaredConflictStore, StaffConnections, StaffConnectionsStore } from '@pip/domain';
import { auditPut } from './audit-store';
import { unlessLostRace } from './conditional';
import { getItem, optional, type Item } from './items';
import { keys } from './keys';
import { queryAll, queryPrefix } from './query-all';

/** Each staff member's recorded organisation and connections, versioned so that a stale tab cannot overwrite a newer save. */
export class DynamoStaffConnectionsStore implements StaffConnectionsStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(staffId: string): Promise<StaffConnections | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.staffConnections(staffId));
    return item ? toConnections(item) : undefined;
  }

  async list(): Promise<StaffConnections[]> {
    const items = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': keys.staffConnectionsList('').gsi1pk },
    });
    return items.map(toConnections);
  }

  async save(next: StaffConnections, expectedVersion: number): Promise<boolean> {
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } };
    return unlessLostRace(
      this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.staffConnections(next.staffId), ...keys.staffConnectionsList(next.staffId), type: 'staff-connections', ...next },
          ...condition,
        }),
      ),
    );
  }
}

function toConnections({ staffId, name, organisation, areaIds, note, version, changedAt }: Item): StaffConnections {
  return { staffId, name, organisation, areaIds: areaIds ?? [], version, changedAt, ...optional({ note }) };
}

/** Declared conflicts, under their area: one per person and application, each written with its audit entry. */
export class DynamoDeclaredConflictStore implements DeclaredConflictStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listForArea(areaId: string): Promise<DeclaredConflict[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.declaredConflictsOfArea(areaId));
    return items.map(toDeclaredConflict);
  }

  /** A second declaration by the same person on the same application (a double click) lands nowhere, its audit entry neither. */
  async declare(conflict: DeclaredConflict, audit: AuditEntry): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.declaredConflict(conflict.areaId, conflict.applicationId, conflict.staffId), type: 'declared-conflict', ...conflict },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: auditPut(this.tableName, audit) },
          ],
        }),
      ),
    );
  }
}

function toDeclaredConflict({ areaId, applicationId, staffId, staffName, reason, declaredAt }: Item): DeclaredConflict {
  return { areaId, applicationId, staffId, staffName, reason, declaredAt };
}
