import { DeleteCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { StaffStep, StaffStepRecord, StaffStepStore, StepDoneWith } from '@pip/domain';
import { actionPlanPut } from './action-plan-store';
import { auditPut } from './audit-store';
import { isLostRace, unlessLostRace } from './conditional';
import { getItem } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

export class DynamoStaffStepStore implements StaffStepStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The token of the execution waiting at this step; a newer wait replaces an older one. */
  async hold(areaId: string, step: StaffStep, token: string, at: string): Promise<void> {
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.staffStepToken(areaId, step), type: 'staff-step-token', token, waitingSince: at } }),
    );
  }

  /** Removes and returns the token, so that of two staff acting at once only one answers the execution. */
  async take(areaId: string, step: StaffStep): Promise<string | undefined> {
    try {
      const { Attributes } = await this.documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.staffStepToken(areaId, step),
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_OLD',
        }),
      );
      return Attributes?.token as string | undefined;
    } catch (error) {
      if (isLostRace(error)) return undefined;
      throw error;
    }
  }

  /** The staff steps the area's workflow waits at now (a token is held), in one read. */
  async waiting(areaId: string): Promise<StaffStep[]> {
    const key = keys.staffStepTokensOfArea(areaId);
    const items = await queryPrefix(this.documents, this.tableName, key);
    // The step is in the sort key only: the token item carries no copy of it.
    return items.map((item) => String(item.sk).slice(key.skPrefix.length) as StaffStep);
  }

  /** Staff did what this step waits for; recorded first, so a workflow arriving later goes straight on. */
  async markDone(areaId: string, step: StaffStep, by: string, at: string): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.staffStepDone(areaId, step), type: 'staff-step-done', by, at } }));
  }

  async isDone(areaId: string, step: StaffStep): Promise<boolean> {
    return (await getItem(this.documents, this.tableName, keys.staffStepDone(areaId, step))) !== undefined;
  }

  async heldToken(areaId: string, step: StaffStep): Promise<string | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.staffStepToken(areaId, step));
    return item?.token as string | undefined;
  }

  async recordDone(areaId: string, step: StaffStep, done: { by: string; at: string }, record: StaffStepRecord, heldToken: string): Promise<boolean> {
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      ...staffStepDoneItems(this.tableName, areaId, { step, ...done, heldToken }),
      { Put: auditPut(this.tableName, record.audit) },
    ];
    if (record.actionPlan) items.push({ Put: actionPlanPut(this.tableName, record.actionPlan) });
    if (record.evaluationClosedAt) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: keys.evaluationSurvey(areaId),
          UpdateExpression: 'SET closedAt = if_not_exists(closedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': record.evaluationClosedAt },
        },
      });
    }
    return unlessLostRace(this.documents.send(new TransactWriteCommand({ TransactItems: items })));
  }
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A staff step done, for a transaction: its done mark (once), and the token the workflow waits with
 * taken only if it is still the one read, or found absent if none was read, so that a workflow that
 * began waiting meanwhile fails the write and is answered when it is decided again.
 */
export function staffStepDoneItems(tableName: string, areaId: string, { step, by, at, heldToken }: StepDoneWith): TransactItem[] {
  const key = keys.staffStepToken(areaId, step);
  return [
    { Put: { TableName: tableName, Item: { ...keys.staffStepDone(areaId, step), type: 'staff-step-done', by, at }, ConditionExpression: 'attribute_not_exists(pk)' } },
    heldToken === undefined
      ? { ConditionCheck: { TableName: tableName, Key: key, ConditionExpression: 'attribute_not_exists(pk)' } }
      : { Delete: { TableName: tableName, Key: key, ConditionExpression: '#token = :token', ExpressionAttributeNames: { '#token': 'token' }, ExpressionAttributeValues: { ':token': heldToken } } },
  ];
}

