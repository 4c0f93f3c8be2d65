import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { WorkshopAttendance, WorkshopSchedule, WorkshopStore } from '@pip/domain';
import { unlessLostRace } from './conditional';
import { getItem, optional, type Item } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

export class DynamoWorkshopStore implements WorkshopStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async schedule(areaId: string): Promise<WorkshopSchedule | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.workshops(areaId));
    return item ? toSchedule(item) : undefined;
  }

  /** Writes the schedule only if nobody changed it since `expectedSequence` (-1: none yet). */
  async saveSchedule(schedule: WorkshopSchedule, expectedSequence: number): Promise<boolean> {
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
    return Object.fromEntries(items.map((item) => [Number(item.workshop), toAttendance(item)]));
  }

  async saveAttendance(areaId: string, attendance: WorkshopAttendance): Promise<void> {
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.attendance(areaId, attendance.workshop), type: 'attendance', ...attendance } }),
    );
  }
}

function toSchedule({ areaId, workshops, intervalOverride, sequence }: Item): WorkshopSchedule {
  return { areaId, workshops, sequence, ...optional({ intervalOverride }) };
}

function toAttendance({ workshop, members, present, recordedBy, recordedAt }: Item): WorkshopAttendance {
  // Records from before the group was kept with them know only who came.
  return { workshop, members: members ?? present, present, recordedBy, recordedAt };
}
