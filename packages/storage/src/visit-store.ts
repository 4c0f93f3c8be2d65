import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AreaVisit, VisitStore } from '@pip/domain';
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

  async save(areaId: string, visit: AreaVisit): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.areaVisit(areaId), type: 'area-visit', ...visit } }));
  }
}

function toVisit({ visitedOn, notes, recordedBy }: Item): AreaVisit {
  return { visitedOn, recordedBy, ...optional({ notes }) };
}
