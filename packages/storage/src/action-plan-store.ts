import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ActionPlan, ActionPlanStore, AuditEntry, RegionId } from '@pip/domain';
import { auditPut } from './audit-store';
import { unlessLostRace } from './conditional';
import { getItem, optional, type Item } from './items';
import { keys } from './keys';
import { queryAll } from './query-all';

/**
 * An area's action plan, one item. While any of its objectives is shared the item also carries
 * the library's gsi1 keys (`LIBRARY`, `<region>#<area>`), so the library reads the plans it needs
 * in one query; the keys go when the last objective stops being shared.
 */
/** The Put of an agreed plan, alone or in the transaction of the step it was agreed at. */
export function actionPlanPut(tableName: string, plan: ActionPlan): { TableName: string; Item: Record<string, unknown> } {
  return { TableName: tableName, Item: { ...keys.actionPlan(plan.areaId), type: 'action-plan', ...plan } };
}

export class DynamoActionPlanStore implements ActionPlanStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(areaId: string): Promise<ActionPlan | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.actionPlan(areaId));
    return item ? toActionPlan(item) : undefined;
  }

  async save(plan: ActionPlan): Promise<void> {
    await this.documents.send(new PutCommand(actionPlanPut(this.tableName, plan)));
  }

  async saveSharing(plan: ActionPlan, expectedVersion: number, regionId: RegionId, audit: AuditEntry): Promise<boolean> {
    const listed = plan.objectives.some((objective) => objective.shared) ? { ...keys.libraryPlan(regionId, plan.areaId), regionId } : {};
    // A plan never changed has no version yet; a changed one must still be at the version the person saw.
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(version)' }
        : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } };
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...keys.actionPlan(plan.areaId), ...listed, type: 'action-plan', ...plan }, ...condition } },
            { Put: auditPut(this.tableName, audit) },
          ],
        }),
      ),
    );
  }

  async shared(regionId?: RegionId): Promise<{ plan: ActionPlan; regionId: RegionId }[]> {
    const { gsi1pk, gsi1skPrefix } = keys.libraryPlansOf(regionId);
    const items = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      ...(gsi1skPrefix
        ? { KeyConditionExpression: 'gsi1pk = :library AND begins_with(gsi1sk, :region)', ExpressionAttributeValues: { ':library': gsi1pk, ':region': gsi1skPrefix } }
        : { KeyConditionExpression: 'gsi1pk = :library', ExpressionAttributeValues: { ':library': gsi1pk } }),
    });
    return items.map((item) => ({ plan: toActionPlan(item), regionId: item.regionId as RegionId }));
  }
}

function toActionPlan({ areaId, objectives, agreedAt, agreedBy, version }: Item): ActionPlan {
  return { areaId, objectives, agreedAt, agreedBy, ...optional({ version }) };
}
