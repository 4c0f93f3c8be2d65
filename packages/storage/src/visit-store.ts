import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AreaVisit, AuditEntry, VisitStore } from '@pip/domain';
import { auditPut } from './audit-store';
import { getItem, optional, type Item } from './items';
import { keys } from './keys';

export class DynamoVisitStore implements VisitStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(areaId: string): Promise<AreaVisit | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.areaVisit(areaId));
    return item ? toVisit(item) : undefined;
  }

  async save(areaId: string, visit: AreaVisit, audit: AuditEntry): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keys.areaVisit(areaId), type: 'area-visit', ...visit } } },
          { Put: auditPut(this.tableName, audit) },
        ],
      }),
    );
  }
}

function toVisit({ visitedOn, notes, recordedBy }: Item): AreaVisit {
  return { visitedOn, recordedBy, ...optional({ notes }) };
}
