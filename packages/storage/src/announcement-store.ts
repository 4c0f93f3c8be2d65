import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Announcement, Announcements, AreaSelection, AuditEntry, BookingOutcome, ConsultancySlot, EvaluationResponse, FollowUpReview, DecidedWith, LearningEvent, ScheduledWith, SessionBooking, SessionNumber, WorkshopSchedule } from '@pip/domain';
import { auditPut } from './audit-store';
import { unlessLostRace } from './conditional';
import { keys } from './keys';
import { DynamoConsultancyStore, sessionHeldUpdate } from './consultancy-store';
import { responseWrites } from './evaluation-store';
import { followUpConfirmation, followUpProposalPut } from './follow-up-store';
import { selectionPut } from './selection-store';
import { DynamoWorkshopStore } from './workshop-store';
import { staffStepDoneItems } from './staff-step-store';

/** How long an announcement is kept once made: the stream acts on it within seconds, and retries for at most a day. */
const KEPT_DAYS = 7;

/** The id of an announcement: one per decision, so a decision written again announces nothing twice. */
export function announcementId(announcement: Announcement): string {
  switch (announcement.kind) {
    case 'learning-event-scheduled':
      return `REGION#${announcement.regionId}#LEARNING-EVENT#${announcement.sequence}`;
    case 'workshops-scheduled':
      return `AREA#${announcement.areaId}#WORKSHOPS#${announcement.sequence}`;
    case 'follow-up-confirmed':
      return `AREA#${announcement.areaId}#FOLLOW-UP#CONFIRMED`;
    case 'follow-up-proposed':
      return `AREA#${announcement.areaId}#FOLLOW-UP#PROPOSED`;
    case 'session-held':
      return `AREA#${announcement.areaId}#SESSION#${announcement.session}#HELD`;
    case 'evaluation-answered':
      return `AREA#${announcement.areaId}#EVALUATION#${announcement.applicationId}#${announcement.version}`;
    case 'session-changed':
      return `AREA#${announcement.areaId}#SESSION#${announcement.session}#${announcement.sequence}#${announcement.booked ? 'BOOKED' : 'CANCELLED'}`;
    default:
      return `AREA#${announcement.areaId}#SELECTION#${announcement.version}`;
  }
}

/**
 * The Put of an announcement, for the transaction of the decision it reports. The table's stream
 * (`newRecordFilters.announcementMade`) gives it to the function that makes and sends its emails;
 * it holds references, never names or addresses, and expires on its own.
 */
export function announcementPut(tableName: string, announcement: Announcement, madeAt: string) {
  const id = announcementId(announcement);
  return {
    TableName: tableName,
    Item: {
      ...keys.announcement(id),
      type: 'announcement',
      announcementId: id,
      // A string, so the stream's handler reads it back whole without unmarshalling each attribute.
      announcement: JSON.stringify(announcement),
      madeAt,
      forgetAtEpoch: Math.floor(Date.parse(madeAt) / 1000) + KEPT_DAYS * 86_400,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Decisions that email a group, each written in one transaction with its announcement. */
export class DynamoAnnouncementStore implements Announcements {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async selectionDecided(next: AreaSelection, expectedVersion: number, audit: AuditEntry, announcement: Announcement, also?: DecidedWith): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            // The selection as `DynamoSelectionStore.write` writes it, at the same version check.
            { Put: selectionPut(this.tableName, next, expectedVersion) },
            { Put: auditPut(this.tableName, audit) },
            { Put: announcementPut(this.tableName, announcement, audit.at) },
            ...(also?.stepDone ? staffStepDoneItems(this.tableName, next.areaId, also.stepDone) : []),
          ],
        }),
      ),
    );
  }

  async workshopsScheduled(
    schedule: WorkshopSchedule,
    expectedSequence: number,
    calendarVersions: Readonly<Record<string, number>>,
    audit: AuditEntry,
    announcement: Announcement,
    also?: ScheduledWith,
  ): Promise<boolean> {
    // The schedule and the facilitators' calendars as `DynamoWorkshopStore.saveSchedule` writes them, under the same conditions.
    const stepDone = also?.stepDone ? staffStepDoneItems(this.tableName, schedule.areaId, also.stepDone) : [];
    const noVisit = also?.noVisitYet ? [{ ConditionCheck: { TableName: this.tableName, Key: keys.areaVisit(schedule.areaId), ConditionExpression: 'attribute_not_exists(pk)' } }] : [];
    return new DynamoWorkshopStore(this.documents, this.tableName).saveSchedule(schedule, expectedSequence, calendarVersions, [...this.told(audit, announcement), ...stepDone, ...noVisit], also);
  }

  async sessionBooked(
    booking: SessionBooking,
    previous: SessionBooking | undefined,
    slotAsSeen: Pick<ConsultancySlot, 'startsAt' | 'endsAt'> | undefined,
    audit: AuditEntry,
    announcement: Announcement,
  ): Promise<BookingOutcome> {
    // The slot and the session as `DynamoConsultancyStore.book` writes them, under the same conditions; its refusals read the same.
    return new DynamoConsultancyStore(this.documents, this.tableName).book(booking, previous, slotAsSeen, this.told(audit, announcement));
  }

  async sessionCancelled(previous: SessionBooking, audit: AuditEntry, announcement: Announcement): Promise<boolean> {
    return new DynamoConsultancyStore(this.documents, this.tableName).cancel(previous, this.told(audit, announcement));
  }

  /** A decision's audit entry and announcement, for its transaction. */
  private told(audit: AuditEntry, announcement: Announcement) {
    return [{ Put: auditPut(this.tableName, audit) }, { Put: announcementPut(this.tableName, announcement, audit.at) }];
  }

  async sessionHeld(areaId: string, session: SessionNumber, notes: string, at: string, audit: AuditEntry, announcement: Announcement): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(new TransactWriteCommand({ TransactItems: [{ Update: sessionHeldUpdate(this.tableName, areaId, session, notes, at) }, ...this.told(audit, announcement)] })),
    );
  }

  async followUpProposed(review: FollowUpReview, audit: AuditEntry, announcement: Announcement): Promise<boolean> {
    return unlessLostRace(this.documents.send(new TransactWriteCommand({ TransactItems: [{ Put: followUpProposalPut(this.tableName, review) }, ...this.told(audit, announcement)] })));
  }

  async followUpConfirmed(areaId: string, optionId: string, audit: AuditEntry, announcement: Announcement): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(new TransactWriteCommand({ TransactItems: [{ Update: followUpConfirmation(this.tableName, areaId, optionId) }, ...this.told(audit, announcement)] })),
    );
  }

  async evaluationAnswered(response: EvaluationResponse, expectedVersion: number, audit: AuditEntry, announcement: Announcement): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            ...responseWrites(this.tableName, response, expectedVersion),
            { Put: auditPut(this.tableName, audit) },
            { Put: announcementPut(this.tableName, announcement, response.submittedAt) },
          ],
        }),
      ),
    );
  }

  async learningEventScheduled(event: LearningEvent, announcement: Announcement, madeAt: string): Promise<void> {
    // A repeated request makes a new sequence, so its announcement is new too; a lost race on it is the same announcement.
    await unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...keys.learningEvent(event.regionId), type: 'learning-event', ...event } } },
            { Put: announcementPut(this.tableName, announcement, madeAt) },
          ],
        }),
      ),
    );
  }
}
