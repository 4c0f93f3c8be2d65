import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { facilitatorKey, type ConsultancySession, type ConsultancySlot, type FollowUpAnswer, type FollowUpReview, type SessionNumber } from '@pip/domain';
import { isLostRace, unlessLostRace } from './conditional';
import { keys } from './keys';
import { queryPrefix } from './query-all';

export type StoredSession = ConsultancySession & { status: 'booked' | 'cancelled' };
export type BookingOutcome = 'booked' | 'slot-taken' | 'session-changed';

const strip = ({ pk: _pk, sk: _sk, type: _type, ...rest }: Record<string, unknown>) => rest;

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
export class DynamoConsultancyStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async query(key: { pk: string; skPrefix: string }): Promise<Record<string, unknown>[]> {
    const items = await queryPrefix(this.documents, this.tableName, key);
    return items.map(strip);
  }

  async slots(areaId: string): Promise<ConsultancySlot[]> {
    return ((await this.query(keys.consultancySlotsOfArea(areaId))) as unknown as ConsultancySlot[]).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  async facilitatorSlots(facilitator: string): Promise<{ slots: ConsultancySlot[]; version: number }> {
    const key = facilitatorKey(facilitator);
    const [slots, { Item }] = await Promise.all([
      this.query(keys.facilitatorSlots(key)),
      this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.facilitator(key), ConsistentRead: true })),
    ]);
    return { slots: slots as unknown as ConsultancySlot[], version: Number(Item?.version ?? 0) };
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

  async sessions(areaId: string): Promise<Partial<Record<SessionNumber, StoredSession>>> {
    const items = (await this.query(keys.consultancySessionsOfArea(areaId))) as unknown as StoredSession[];
    return Object.fromEntries(items.map((item) => [item.session, item]));
  }

  /**
   * Books the slot for the session. `previous` is the session as the booker saw it: none, or a
   * cancelled one (whose sequence the new booking continues), or a booking being moved.
   */
  async book(session: StoredSession, previous: StoredSession | undefined): Promise<BookingOutcome> {
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
  async cancel(previous: StoredSession): Promise<boolean> {
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

  private freeSlot(session: StoredSession) {
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
          ConditionExpression: '#status = :booked',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':at': at, ':notes': notes, ':booked': 'booked' },
        }),
      ),
    );
  }

  async followUp(areaId: string): Promise<FollowUpReview | undefined> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.followUpReview(areaId), ConsistentRead: true }));
    return Item ? (strip(Item) as unknown as FollowUpReview) : undefined;
  }

  /** Proposes the dates once; a second proposal (a double click) changes nothing. */
  async proposeFollowUp(review: FollowUpReview): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new PutCommand({ TableName: this.tableName, Item: { ...keys.followUpReview(review.areaId), type: 'follow-up', ...review }, ConditionExpression: 'attribute_not_exists(pk)' }),
      ),
    );
  }

  /** Confirms one date, once. */
  async confirmFollowUp(areaId: string, optionId: string): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.followUpReview(areaId),
          UpdateExpression: 'SET confirmedOptionId = :option',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(confirmedOptionId)',
          ExpressionAttributeValues: { ':option': optionId },
        }),
      ),
    );
  }

  async followUpAnswers(areaId: string): Promise<FollowUpAnswer[]> {
    return (await this.query(keys.followUpAnswersOfArea(areaId))) as unknown as FollowUpAnswer[];
  }

  async followUpAnswer(areaId: string, applicationId: string): Promise<FollowUpAnswer | undefined> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.followUpAnswer(areaId, applicationId), ConsistentRead: true }));
    return Item ? (strip(Item) as unknown as FollowUpAnswer) : undefined;
  }

  /** One answer per participant: answering again replaces it. */
  async saveFollowUpAnswer(areaId: string, answer: FollowUpAnswer): Promise<void> {
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.followUpAnswer(areaId, answer.applicationId), type: 'follow-up-answer', ...answer } }),
    );
  }
}
