import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { facilitatorKey, type BookingOutcome, type ConsultancySlot, type ConsultancyStore, type SessionBooking, type SessionNumber } from '@pip/domain';
import { isLostRace, unlessLostRace } from './conditional';
import { optional, type Item } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

/** Why a booking transaction was refused: the slot (first item) or the session (second). */
function refusal(error: unknown): BookingOutcome {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons[0]?.Code === 'ConditionalCheckFailed' || reasons[0]?.Code === 'TransactionConflict' ? 'slot-taken' : 'session-changed';
}

/**
 * Consultancy slots and sessions. Every booking is one transaction that takes the slot only if it
 * is free and the session only if it is as the booker saw it, so however many people press the
 * button at once, one booking stands and everyone else is told.
 */
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
  async publish(slot: ConsultancySlot, expectedVersion: number): Promise<boolean> {
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
  async book(session: SessionBooking, previous: SessionBooking | undefined): Promise<BookingOutcome> {
    const moving = previous?.status === 'booked' ? previous : undefined;
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
                UpdateExpression: 'SET bookedFor = :session',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(bookedFor)',
                ExpressionAttributeValues: { ':session': session.session },
              },
            },
            { Put: { TableName: this.tableName, Item: { ...keys.consultancySession(session.areaId, session.session), type: 'consultancy-session', ...session }, ...sessionCondition } },
            ...(moving ? [this.freeSlot(moving)] : []),
          ],
        }),
      );
      return 'booked';
    } catch (error) {
      if (isLostRace(error)) return refusal(error);
      throw error;
    }
  }

  /** Cancels the booking as the canceller saw it, freeing its slot; false if it changed meanwhile. */
  async cancel(previous: SessionBooking): Promise<boolean> {
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
        UpdateExpression: 'REMOVE bookedFor',
        ConditionExpression: 'bookedFor = :session',
        ExpressionAttributeValues: { ':session': session.session },
      },
    };
  }

  /** Staff record that the session took place, with notes on the action plan's progress. */
  async recordHeld(areaId: string, session: SessionNumber, notes: string, at: string): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.consultancySession(areaId, session),
          UpdateExpression: 'SET heldAt = :at, notes = :notes',
          ConditionExpression: '#status = :booked AND attribute_not_exists(heldAt)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':at': at, ':notes': notes, ':booked': 'booked' },
        }),
      ),
    );
  }
}

function toSlot({ slotId, areaId, facilitator, facilitatorEmail, startsAt, endsAt, mode, where, bookedFor }: Item): ConsultancySlot {
  return { slotId, areaId, facilitator, facilitatorEmail, startsAt, endsAt, mode, where, ...optional({ bookedFor }) };
}

function toSession({ areaId, session, slotId, bookedBy, bookedAt, sequence, heldAt, notes, status }: Item): SessionBooking {
  return { areaId, session, slotId, bookedBy, bookedAt, sequence, status, ...optional({ heldAt, notes }) };
}
