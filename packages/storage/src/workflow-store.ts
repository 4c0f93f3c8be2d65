import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ActionPlan, AreaProgress, LearningEvent, ProgressReview, StaffStep, WorkshopSchedule } from '@pip/domain';
import { isLostRace, unlessLostRace } from './conditional';
import { keys } from './keys';
import { queryPrefix } from './query-all';

export interface WorkshopAttendance {
  workshop: number;
  /** Application references of the participants who came. */
  present: string[];
  recordedBy: string;
  recordedAt: string;
}

const strip = (item: Record<string, unknown>) => {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = item;
  return rest;
};

/** Where each area stands in its workflow, the tokens of the steps waiting for staff, and its workshops. */
export class DynamoWorkflowStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async read(key: Record<string, string>): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item ? strip(Item) : undefined;
  }

  async progress(areaId: string): Promise<AreaProgress | undefined> {
    return (await this.read(keys.areaProgress(areaId))) as AreaProgress | undefined;
  }

  async saveProgress(progress: AreaProgress): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.areaProgress(progress.areaId), type: 'area-progress', ...progress } }));
  }

  /** Clears the failure recorded at `at`, once: false if it is gone or a newer one replaced it. */
  async clearFailure(areaId: string, at: string): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.areaProgress(areaId),
          UpdateExpression: 'REMOVE failure',
          ConditionExpression: 'failure.#at = :at',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    );
  }

  /** The token of the execution waiting at this step; a newer wait replaces an older one. */
  async holdToken(areaId: string, step: StaffStep, token: string, at: string): Promise<void> {
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.staffStepToken(areaId, step), type: 'staff-step-token', token, waitingSince: at } }),
    );
  }

  /** The staff steps the area's workflow waits at now (a token is held), in one read. */
  async waitingSteps(areaId: string): Promise<StaffStep[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.staffStepTokensOfArea(areaId));
    return items.map((item) => String(item.sk).slice('STAFF-STEP#'.length) as StaffStep);
  }

  async isWaiting(areaId: string, step: StaffStep): Promise<boolean> {
    return (await this.read(keys.staffStepToken(areaId, step))) !== undefined;
  }

  /** Removes and returns the token, so that of two staff acting at once only one answers the execution. */
  async takeToken(areaId: string, step: StaffStep): Promise<string | undefined> {
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

  /** Staff did what this step waits for; recorded first, so a workflow arriving later goes straight on. */
  async markDone(areaId: string, step: StaffStep, by: string, at: string): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.staffStepDone(areaId, step), type: 'staff-step-done', by, at } }));
  }

  async isDone(areaId: string, step: StaffStep): Promise<boolean> {
    return (await this.read(keys.staffStepDone(areaId, step))) !== undefined;
  }

  async workshops(areaId: string): Promise<WorkshopSchedule | undefined> {
    return (await this.read(keys.workshops(areaId))) as WorkshopSchedule | undefined;
  }

  /** Writes the schedule only if nobody changed it since `expectedSequence` (-1: none yet). */
  async saveWorkshops(schedule: WorkshopSchedule, expectedSequence: number): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.workshops(schedule.areaId), type: 'workshops', ...schedule },
          ...(expectedSequence < 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: '#sequence = :expected', ExpressionAttributeNames: { '#sequence': 'sequence' }, ExpressionAttributeValues: { ':expected': expectedSequence } }),
        }),
      ),
    );
  }

  /** Who came to each workshop, by workshop number; recording it again replaces the record. */
  async attendance(areaId: string): Promise<Record<number, WorkshopAttendance>> {
    const items = await queryPrefix(this.documents, this.tableName, keys.attendanceOfArea(areaId));
    return Object.fromEntries(items.map((item) => [Number(item.workshop), strip(item) as unknown as WorkshopAttendance]));
  }

  async saveAttendance(areaId: string, attendance: WorkshopAttendance): Promise<void> {
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.attendance(areaId, attendance.workshop), type: 'attendance', ...attendance } }),
    );
  }

  async learningEvent(regionId: string): Promise<LearningEvent | undefined> {
    return (await this.read(keys.learningEvent(regionId))) as LearningEvent | undefined;
  }

  async saveLearningEvent(event: LearningEvent): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.learningEvent(event.regionId), type: 'learning-event', ...event } }));
  }

  async actionPlan(areaId: string): Promise<ActionPlan | undefined> {
    return (await this.read(keys.actionPlan(areaId))) as ActionPlan | undefined;
  }

  async saveActionPlan(plan: ActionPlan): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.actionPlan(plan.areaId), type: 'action-plan', ...plan } }));
  }

  async progressReviews(areaId: string): Promise<ProgressReview[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.progressReviewsOfArea(areaId));
    return items.map((item) => strip(item) as unknown as ProgressReview);
  }

  /** One review per occasion; recording it again replaces it. */
  async saveProgressReview(review: ProgressReview): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.progressReview(review.areaId, review.occasion), type: 'progress-review', ...review } }));
  }

  async visit(areaId: string): Promise<{ visitedOn: string; notes?: string; recordedBy: string } | undefined> {
    return (await this.read(keys.areaVisit(areaId))) as { visitedOn: string; notes?: string; recordedBy: string } | undefined;
  }

  async saveVisit(areaId: string, visit: { visitedOn: string; notes?: string; recordedBy: string }): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.areaVisit(areaId), type: 'area-visit', ...visit } }));
  }
}
