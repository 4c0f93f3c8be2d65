import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { facilitatorKey, facilitatorWorkshopsOf, type AuditEntry, type FacilitatorWorkshop, type WorkshopAttendance, type WorkshopSchedule, type WorkshopStore } from '@pip/domain';
import { auditPut } from './audit-store';
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

  /**
   * Writes the schedule only if nobody changed it since `expectedSequence` (-1: none yet) and each
   * calendar the facilitator check read (`calendarVersions`) is still at that version, and in the
   * same transaction puts each facilitator's calendar entries for the area's workshops in place of
   * the previous schedule's, raising each of those facilitators' calendar version: a consultancy
   * slot or another area's schedule written for them meanwhile is then checked again, either way round.
   */
  async saveSchedule(
    schedule: WorkshopSchedule,
    expectedSequence: number,
    calendarVersions: Readonly<Record<string, number>> = {},
    /** Written in the same transaction: the decision's audit entry and announcement (see announcement-store.ts). */
    alsoWrite: readonly NonNullable<TransactWriteCommandInput['TransactItems']>[number][] = [],
    /**
     * The schedule the caller read at `expectedSequence`, if it did: each save raises the sequence, so the
     * condition on it makes that the one replaced, and it need not be read again.
     */
    read?: { previous: WorkshopSchedule | undefined },
  ): Promise<boolean> {
    const previous = read ? read.previous : await this.consistentSchedule(schedule.areaId);
    if ((previous?.sequence ?? -1) !== expectedSequence) return false;
    const entryKey = (entry: FacilitatorWorkshop) => keys.facilitatorWorkshop(facilitatorKey(entry.facilitator), entry.areaId, entry.workshop);
    // One entry per facilitator and workshop, however their two names were typed.
    const entries = [...new Map(facilitatorWorkshopsOf(schedule).map((entry) => [JSON.stringify(entryKey(entry)), entry])).values()];
    const kept = new Set(entries.map((entry) => JSON.stringify(entryKey(entry))));
    const gone = (previous ? facilitatorWorkshopsOf(previous) : []).map(entryKey).filter((key) => !kept.has(JSON.stringify(key)));
    const facilitators = [...new Set([...entries.map((entry) => facilitatorKey(entry.facilitator)), ...Object.keys(calendarVersions)])];
    /** A calendar the check read must be as it was read: version 0 is one never written. */
    const asRead = (key: string) => {
      const version = calendarVersions[key];
      if (version === undefined) return {};
      return version === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :read', ExpressionAttributeValues: { ':read': version } };
    };
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.workshops(schedule.areaId), type: 'workshops', ...schedule },
                ...(expectedSequence < 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: '#sequence = :expected', ExpressionAttributeNames: { '#sequence': 'sequence' }, ExpressionAttributeValues: { ':expected': expectedSequence } }),
              },
            },
            ...[...new Map(gone.map((key) => [JSON.stringify(key), key])).values()].map((key) => ({ Delete: { TableName: this.tableName, Key: key } })),
            ...entries.map((entry) => ({ Put: { TableName: this.tableName, Item: { ...entryKey(entry), type: 'facilitator-workshop', ...entry } } })),
            ...facilitators.map((key) => {
              const condition = asRead(key);
              return {
                Update: {
                  TableName: this.tableName,
                  Key: keys.facilitator(key),
                  UpdateExpression: 'SET version = if_not_exists(version, :zero) + :one, #type = :type',
                  ...(condition.ConditionExpression ? { ConditionExpression: condition.ConditionExpression } : {}),
                  ExpressionAttributeNames: { '#type': 'type' },
                  ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':type': 'facilitator', ...condition.ExpressionAttributeValues },
                },
              };
            }),
            ...alsoWrite,
          ],
        }),
      ),
    );
  }

  /** Read consistently: the condition on its sequence makes it the one a save replaces. */
  private async consistentSchedule(areaId: string): Promise<WorkshopSchedule | undefined> {
    const { Item: item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.workshops(areaId), ConsistentRead: true }));
    return item ? toSchedule(item) : undefined;
  }

  async facilitatorWorkshops(facilitator: string): Promise<FacilitatorWorkshop[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.facilitatorWorkshops(facilitatorKey(facilitator)));
    return items.map(({ areaId, workshop, facilitator: name, startsAt, endsAt }) => ({ areaId, workshop, facilitator: name, startsAt, endsAt }));
  }

  /** Who came to each workshop, by workshop number; recording it again replaces the record. */
  async attendance(areaId: string): Promise<Record<number, WorkshopAttendance>> {
    const items = await queryPrefix(this.documents, this.tableName, keys.attendanceOfArea(areaId));
    return Object.fromEntries(items.map((item) => [Number(item.workshop), toAttendance(item)]));
  }

  async saveAttendance(areaId: string, attendance: WorkshopAttendance, audit: AuditEntry): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keys.attendance(areaId, attendance.workshop), type: 'attendance', ...attendance } } },
          { Put: auditPut(this.tableName, audit) },
        ],
      }),
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
