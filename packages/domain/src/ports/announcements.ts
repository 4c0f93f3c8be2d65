import type { AuditEntry } from '../staff';
import type { AreaSelection } from '../area-selection';
import type { LearningEvent, StaffStep } from '../area-stages';
import type { WorkshopSchedule } from '../workshop-schedule';
import type { BookingOutcome, ConsultancySlot, FollowUpReview, SessionBooking, SessionNumber } from '../consultancy';
import type { RegionId } from '../regions';
import type { EvaluationResponse } from '../evaluation';

/**
 * What a decision tells a group, and whom: written with the decision, in the same transaction, and
 * turned into one email per person by the function the table's stream invokes. Each names only what
 * the emails are made from, so a request that stops after its write leaves nobody untold.
 */
export type Announcement =
  /** Every applicant of the area hears the outcome of the approved selection. */
  | { kind: 'selection-approved'; areaId: string; version: number }
  /**
   * A participant withdrew: they are told, the reserve offered the place (if any) is told, and the
   * calendars follow the group. The occasions number the emails about a place made again after an undo.
   */
  | { kind: 'participant-withdrew'; areaId: string; version: number; applicationId: string; confirmationOccasion: number; offeredTo?: string; offerOccasion: number }
  /** Staff undid a withdrawal: the person, and a reserve whose offer it withdrew, are told; the calendars follow. */
  | { kind: 'withdrawal-undone'; areaId: string; version: number; applicationId: string; offerWithdrawnFrom?: string; occasion: number }
  /** Staff named a new lead: the booked consultancy sessions move to the lead named, and the calendars follow. */
  | { kind: 'lead-named'; areaId: string; version: number; applicationId: string }
  /**
   * A reserve answered the offer of a place: accepting, they are told with their link to withdraw and
   * join the calendars; the reserve the offer passes to (if any) is offered it, on the occasion numbered as for a withdrawal.
   */
  | { kind: 'offer-answered'; areaId: string; version: number; applicationId: string; accepted: boolean; offeredTo?: string; offerOccasion: number }
  /**
   * Staff scheduled or moved the area's workshops: every workshop calendar of the area follows the schedule
   * as it then stands (invitations, updates and their reminders; the reminders of dates no longer the workshops' withdrawn).
   */
  | { kind: 'workshops-scheduled'; areaId: string; sequence: number }
  /**
   * A consultancy session was booked, moved or cancelled: everyone it concerns gets it in (or out of) their calendar,
   * worded with who changed it (a lead by their application's reference, so that erasing them leaves no name here;
   * staff by the name the emails give), and a booking stops the reminders to book.
   */
  | { kind: 'session-changed'; areaId: string; session: SessionNumber; sequence: number; booked: boolean; changedBy: { lead: string } | { staff: string } }
  /** A consultancy session took place: after session one, each lead is sent their own link to book session two. */
  | { kind: 'session-held'; areaId: string; session: SessionNumber }
  /** Staff proposed the follow-up review's dates: every participant is asked which suit them, through their own link. */
  | { kind: 'follow-up-proposed'; areaId: string }
  /** Staff confirmed the follow-up review's date: every participant is invited, with a calendar file. */
  | { kind: 'follow-up-confirmed'; areaId: string; optionId: string }
  /** The region's learning event was set or moved: every participant of the region is invited, or told of the change. */
  | { kind: 'learning-event-scheduled'; regionId: RegionId; sequence: number }
  /** A participant answered the evaluation (or changed their answers): their reminder to answer is withdrawn. */
  | { kind: 'evaluation-answered'; areaId: string; applicationId: string; version: number };

/** What a decision is written with besides its audit entry and announcement. */
export interface DecidedWith {
  /** A programme step the decision completes, done in the same write (as `StaffStepStore.recordDone`). */
  stepDone?: StepDoneWith;
}

/** What a schedule is saved with, when its caller read it already. */
export interface ScheduledWith extends DecidedWith {
  /** The schedule the caller read at `expectedSequence` (none: there was none), so the store need not read it again. */
  previous: WorkshopSchedule | undefined;
  /**
   * The area's visit was read as not recorded: saved only if it still is not, since a visit recorded
   * meanwhile may have found no schedule yet, and then this schedule completes preparation.
   */
  noVisitYet?: boolean;
}

/**
 * A programme step done in the write of the decision that completes it: its done mark, and the token
 * the workflow waits with taken if it was read (`heldToken`), or found still absent if none was: a
 * workflow that began waiting meanwhile makes the write fail, to be decided again with its token.
 */
export interface StepDoneWith {
  step: StaffStep;
  by: string;
  at: string;
  heldToken: string | undefined;
}

/** Decisions written together with their announcement, in one transaction: both stand, or neither. */
export interface Announcements {
  /** Writes the selection (as `SelectionStore.write`, at `expectedVersion`) with its audit entry and announcement; false if someone changed it first. */
  selectionDecided(next: AreaSelection, expectedVersion: number, audit: AuditEntry, announcement: Announcement, also?: DecidedWith): Promise<boolean>;
  /**
   * Saves the area's workshop schedule (as `WorkshopStore.saveSchedule`, at `expectedSequence` and the
   * facilitators' calendar versions read) with its audit entry and announcement; false if either moved on first.
   */
  workshopsScheduled(
    schedule: WorkshopSchedule,
    expectedSequence: number,
    calendarVersions: Readonly<Record<string, number>>,
    audit: AuditEntry,
    announcement: Announcement,
    also?: ScheduledWith,
  ): Promise<boolean>;
  /** Books or moves a session (as `ConsultancyStore.book`) with its audit entry and announcement: all stand, or none. */
  sessionBooked(booking: SessionBooking, previous: SessionBooking | undefined, slotAsSeen: Pick<ConsultancySlot, 'startsAt' | 'endsAt'> | undefined, audit: AuditEntry, announcement: Announcement): Promise<BookingOutcome>;
  /** Cancels a booking (as `ConsultancyStore.cancel`) with its audit entry and announcement; false if it changed first. */
  sessionCancelled(previous: SessionBooking, audit: AuditEntry, announcement: Announcement): Promise<boolean>;
  /** Records a booked session as held (as `ConsultancyStore.recordHeld`, once) with its audit entry and announcement; false if not booked, or recorded already. */
  sessionHeld(areaId: string, session: SessionNumber, notes: string, at: string, audit: AuditEntry, announcement: Announcement): Promise<boolean>;
  /** Proposes the follow-up review's dates (as `FollowUpStore.propose`, once) with its audit entry and announcement; false if proposed already. */
  followUpProposed(review: FollowUpReview, audit: AuditEntry, announcement: Announcement): Promise<boolean>;
  /** Confirms the follow-up review's date (as `FollowUpStore.confirm`, once) with its audit entry and announcement; false if one was confirmed already. */
  followUpConfirmed(areaId: string, optionId: string, audit: AuditEntry, announcement: Announcement): Promise<boolean>;
  /**
   * Saves a participant's evaluation response (as `EvaluationStore.respond`: while the survey is open,
   * at `expectedVersion`) with its audit entry and announcement; false if either changed first.
   */
  evaluationAnswered(response: EvaluationResponse, expectedVersion: number, audit: AuditEntry, announcement: Announcement): Promise<boolean>;
  /** Saves the region's learning event (as `LearningEventStore.save`) with its announcement. */
  learningEventScheduled(event: LearningEvent, announcement: Announcement, madeAt: string): Promise<void>;
}
