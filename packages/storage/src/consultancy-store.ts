import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { facilitatorKey, type AuditEntry, type BookingOutcome, type ConsultancySlot, type ConsultancyStore, type SessionBooking, type SessionNumber } from '@pip/domain';
import { auditPut } from './audit-store';
import { isLostRace, unlessLostRace } from './conditional';
import { getItem, optional, type Item } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

/** The update that records a booked session as held, once: alone, or in the transaction that announces it. */
export function sessionHeldUpdate(tableName: string, areaId: string, session: SessionNumber, notes: string, at: string) {
  return {
    TableName: tableName,
    Key: keys.consultancySession(areaId, session),
    UpdateExpression: 'SET heldAt = :at, notes = :notes',
    ConditionExpression: '#status = :booked AND attribute_not_exists(heldAt)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':at': at, ':notes': notes, ':booked': 'booked' },
  };
}

/** Which items of a refused transaction failed, by position: 'ConditionalCheckFailed', 'TransactionConflict' or 'None'. */
const reasonsOf = (error: unknown): (string | undefined)[] =>
  ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((reason) => reason.Code);

/** The condition that a slot is still at the version staff saw; a slot never changed has none stored. */
function slotAsSeen(version: number | undefined) {
  const seen = version ?? 0;
  return { condition: seen === 0 ? '(attribute_not_exists(version) OR version = :seen)' : 'version = :seen', values: { ':seen': seen } };
}

/**
 * Consultancy slots and sessions. Every booking is one transaction that takes the slot only if it
 * is free and the session only if it is as the booker saw it, so however many people press the
 * button at once, one booking stands and everyone else is told.
 */
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class DynamoConsultancyStore implements ConsultancyStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async slots(areaId: string): Promise<ConsultancySlot[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.consultancySlotsOfArea(areaId));
    return items.map(toSlot).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  async facilitatorSlots(facilitator: string): Promise<{ slots: ConsultancySlot[]; version: number }> {
    const key = facilitatorKey(facilitator);
    const [items, { Item }] = await Promise.all([
      queryPrefix(this.documents, this.tableName, keys.facilitatorSlots(key)),
      this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.facilitator(key), ConsistentRead: true })),
    ]);
    return { slots: items.map(toSlot), version: Number(Item?.version ?? 0) };
  }

  /** Adds the slot if the facilitator's calendar is still at `expectedVersion`; false if it changed. */
  async publish(slot: ConsultancySlot, expectedVersion: number, audit: AuditEntry): Promise<boolean> {
    const key = facilitatorKey(slot.facilitator);
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.facilitator(key),
                UpdateExpression: 'SET version = :next, #type = :type',
                ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
                ExpressionAttributeNames: { '#type': 'type' },
                ExpressionAttributeValues: { ':next': expectedVersion + 1, ':type': 'facilitator', ...(expectedVersion === 0 ? {} : { ':expected': expectedVersion }) },
              },
            },
            { Put: { TableName: this.tableName, Item: { ...keys.consultancySlot(slot.areaId, slot.slotId), type: 'consultancy-slot', ...slot }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: this.tableName, Item: { ...keys.facilitatorSlot(key, slot.slotId), type: 'facilitator-slot', ...slot } } },
            { Put: auditPut(this.tableName, audit) },
          ],
        }),
      ),
    );
  }

  async sessions(areaId: string): Promise<Partial<Record<SessionNumber, SessionBooking>>> {
    const items = await queryPrefix(this.documents, this.tableName, keys.consultancySessionsOfArea(areaId));
    return Object.fromEntries(items.map(toSession).map((session) => [session.session, session]));
  }

  /**
   * Books the slot for the session. `previous` is the session as the booker saw it: none, or a
   * cancelled one (whose sequence the new booking continues), or a booking being moved.
   */
  async book(
    session: SessionBooking,
    previous: SessionBooking | undefined,
    slotAsSeenByBooker?: Pick<ConsultancySlot, 'startsAt' | 'endsAt'>,
    /** Written in the same transaction, after the slot and the session: the booking's audit entry and announcement (announcement-store.ts). */
    alsoWrite: readonly TransactItem[] = [],
  ): Promise<BookingOutcome> {
    const moving = previous?.status === 'booked' ? previous : undefined;
    const sameTime = slotAsSeenByBooker ? { condition: ' AND startsAt = :startsAt AND endsAt = :endsAt', values: { ':startsAt': slotAsSeenByBooker.startsAt, ':endsAt': slotAsSeenByBooker.endsAt } } : undefined;
    const sessionCondition = previous
      ? { ConditionExpression: '#sequence = :expected AND #status = :status', ExpressionAttributeNames: { '#sequence': 'sequence', '#status': 'status' }, ExpressionAttributeValues: { ':expected': previous.sequence, ':status': previous.status } }
      : { ConditionExpression: 'attribute_not_exists(pk)' };
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.consultancySlot(session.areaId, session.slotId),
                UpdateExpression: 'SET bookedFor = :session ADD version :one',
                ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(bookedFor)${sameTime?.condition ?? ''}`,
                ExpressionAttributeValues: { ':session': session.session, ':one': 1, ...sameTime?.values },
              },
            },
            { Put: { TableName: this.tableName, Item: { ...keys.consultancySession(session.areaId, session.session), type: 'consultancy-session', ...session }, ...sessionCondition } },
            ...(moving ? [this.freeSlot(moving)] : []),
            ...alsoWrite,
          ],
        }),
      );
      return 'booked';
    } catch (error) {
      if (!isLostRace(error)) throw error;
      const [slotReason] = reasonsOf(error);
      if (slotReason === 'TransactionConflict') return 'slot-taken';
      if (slotReason !== 'ConditionalCheckFailed') return 'session-changed';
      return this.whySlotRefused(session.areaId, session.slotId);
    }
  }

  /** What had become of a slot a booking could not take: booked, removed, or given a new time. */
  private async whySlotRefused(areaId: string, slotId: string): Promise<BookingOutcome> {
    const item = await getItem(this.documents, this.tableName, keys.consultancySlot(areaId, slotId));
    if (!item) return 'slot-gone';
    return item.bookedFor === undefined ? 'slot-changed' : 'slot-taken';
  }

  /** Cancels the booking as the canceller saw it, freeing its slot; false if it changed meanwhile. */
  async cancel(previous: SessionBooking, alsoWrite: readonly TransactItem[] = []): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            this.freeSlot(previous),
            {
              Update: {
                TableName: this.tableName,
                Key: keys.consultancySession(previous.areaId, previous.session),
                UpdateExpression: 'SET #status = :cancelled',
                ConditionExpression: '#sequence = :expected AND #status = :booked',
                ExpressionAttributeNames: { '#status': 'status', '#sequence': 'sequence' },
                ExpressionAttributeValues: { ':cancelled': 'cancelled', ':booked': 'booked', ':expected': previous.sequence },
              },
            },
            ...alsoWrite,
          ],
        }),
      ),
    );
  }

  private freeSlot(session: SessionBooking) {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.consultancySlot(session.areaId, session.slotId),
        UpdateExpression: 'REMOVE bookedFor ADD version :one',
        ConditionExpression: 'bookedFor = :session',
        ExpressionAttributeValues: { ':session': session.session, ':one': 1 },
      },
    };
  }

  /** Staff record that the session took place, with notes on the action plan's progress. */
  async recordHeld(areaId: string, session: SessionNumber, notes: string, at: string): Promise<boolean> {
    return unlessLostRace(this.documents.send(new UpdateCommand(sessionHeldUpdate(this.tableName, areaId, session, notes, at))));
  }

  /**
   * Gives a free slot its new time, with the facilitator's copy, as one serial decision on their
   * calendar (as publishing is), and only if the slot is still free and as staff saw it.
   */
  async changeSlotTime(next: ConsultancySlot, calendarVersion: number, audit: AuditEntry): Promise<'changed' | 'slot-changed' | 'calendar-changed'> {
    const key = facilitatorKey(next.facilitator);
    const seen = slotAsSeen(next.version);
    const times = { ':startsAt': next.startsAt, ':endsAt': next.endsAt };
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.facilitator(key),
                UpdateExpression: 'SET version = :next',
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':next': calendarVersion + 1, ':expected': calendarVersion },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.consultancySlot(next.areaId, next.slotId),
                UpdateExpression: 'SET startsAt = :startsAt, endsAt = :endsAt ADD version :one',
                ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(bookedFor) AND ${seen.condition}`,
                ExpressionAttributeValues: { ...times, ...seen.values, ':one': 1 },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.facilitatorSlot(key, next.slotId),
                UpdateExpression: 'SET startsAt = :startsAt, endsAt = :endsAt',
                ExpressionAttributeValues: times,
              },
            },
            { Put: auditPut(this.tableName, audit) },
          ],
        }),
      );
      return 'changed';
    } catch (error) {
      if (!isLostRace(error)) throw error;
      return reasonsOf(error)[1] === 'None' ? 'calendar-changed' : 'slot-changed';
    }
  }

  /** Removes a free slot and the facilitator's copy, only if it is still free and as staff saw it. */
  async removeSlot(slot: ConsultancySlot, audit: AuditEntry): Promise<boolean> {
    const seen = slotAsSeen(slot.version);
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.tableName,
                Key: keys.consultancySlot(slot.areaId, slot.slotId),
                ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(bookedFor) AND ${seen.condition}`,
                ExpressionAttributeValues: seen.values,
              },
            },
            { Delete: { TableName: this.tableName, Key: keys.facilitatorSlot(facilitatorKey(slot.facilitator), slot.slotId) } },
            { Put: auditPut(this.tableName, audit) },
          ],
        }),
      ),
    );
  }
}

function toSlot({ slotId, areaId, facilitator, facilitatorEmail, startsAt, endsAt, mode, where, bookedFor, version }: Item): ConsultancySlot {
  return { slotId, areaId, facilitator, facilitatorEmail, startsAt, endsAt, mode, where, ...optional({ bookedFor, version }) };
}

function toSession({ areaId, session, slotId, bookedBy, bookedAt, sequence, heldAt, notes, status }: Item): SessionBooking {
  return { areaId, session, slotId, bookedBy, bookedAt, sequence, status, ...optional({ heldAt, notes }) };
}
