import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NotFoundError, type Area, type AreaStore, type AuditEntry, type RecruitmentWindow } from '@pip/domain';
import { auditPut } from './audit-store';
import { unlessLostRace } from './conditional';
import type { Item } from './items';
import { keys, lists } from './keys';
import { queryAll } from './query-all';

export class DynamoAreaStore implements AreaStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(areaId: string): Promise<Area | undefined> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.area(areaId) }));
    return Item ? toArea(Item) : undefined;
  }

  async list(): Promise<Area[]> {
    const items = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': lists.areas },
    });
    return items.map(toArea);
  }

  /** The areas of one region, from the same list by its region prefix. */
  async listInRegion(regionId: string): Promise<Area[]> {
    const items = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list AND begins_with(gsi1sk, :region)',
      ExpressionAttributeValues: { ':list': lists.areas, ':region': `${regionId}#` },
    });
    return items.map(toArea);
  }

  /** The area, or NotFoundError: for requests and steps about an area that must exist. */
  async existing(areaId: string): Promise<Area> {
    const area = await this.get(areaId);
    if (!area) throw new NotFoundError('Area');
    return area;
  }

  /** Adds the area unless one has its id (never overwriting it), with its audit entry in the same transaction. */
  async add(area: Area, audit: AuditEntry): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.area(area.areaId), ...keys.areaList(area.regionId, area.name), type: 'area', ...area },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: auditPut(this.tableName, audit) },
          ],
        }),
      ),
    );
  }

  /** Changes the window with its audit entry in one transaction, only if the stored window is still the one the person changed. */
  async changeWindow(areaId: string, expected: RecruitmentWindow, next: RecruitmentWindow, audit: AuditEntry): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.area(areaId),
                UpdateExpression: 'SET recruitment = :next',
                ConditionExpression: 'recruitment.opensAt = :opensAt AND recruitment.closesAt = :closesAt',
                ExpressionAttributeValues: {
                  ':next': { opensAt: next.opensAt, closesAt: next.closesAt },
                  ':opensAt': expected.opensAt,
                  ':closesAt': expected.closesAt,
                },
              },
            },
            { Put: auditPut(this.tableName, audit) },
          ],
        }),
      ),
    );
  }
}

function toArea({ areaId, name, regionId, recruitment }: Item): Area {
  return { areaId, name, regionId, recruitment };
}
