import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ActionPlan, ActionPlanStore } from '@pip/domain';
import { getItem, type Item } from './items';
import { keys } from './keys';

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
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.actionPlan(plan.areaId), type: 'action-plan', ...plan } }));
  }
}

function toActionPlan({ areaId, objectives, agreedAt, agreedBy }: Item): ActionPlan {
  return { areaId, objectives, agreedAt, agreedBy };
}
