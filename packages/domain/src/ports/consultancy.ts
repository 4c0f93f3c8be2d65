import type { AuditEntry } from '../staff';
import type { BookingOutcome, ConsultancySlot, FollowUpAnswer, FollowUpReview, SessionBooking, SessionNumber } from '../consultancy';

/** Consultancy slots and the two sessions of each area. */
export interface ConsultancyStore {
  slots(areaId: string): Promise<ConsultancySlot[]>;
  /** Every slot of one facilitator, in every area, with the version a new slot must build on. */
  facilitatorSlots(facilitator: string): Promise<{ slots: ConsultancySlot[]; version: number }>;
  /** Publishes the slot, with its audit entry, if the facilitator's calendar is still at `expectedVersion`; false otherwise. */
  publish(slot: ConsultancySlot, expectedVersion: number, audit: AuditEntry): Promise<boolean>;
  sessions(areaId: string): Promise<Partial<Record<SessionNumber, SessionBooking>>>;
  /**
   * Takes the slot only if free (and, given `slotAsSeen`, still at the time the booker saw) and the
   * session only if it is still `previous`, in one write.
   */
  book(session: SessionBooking, previous: SessionBooking | undefined, slotAsSeen?: Pick<ConsultancySlot, 'startsAt' | 'endsAt'>): Promise<BookingOutcome>;
  cancel(previous: SessionBooking): Promise<boolean>;
  recordHeld(areaId: string, session: SessionNumber, notes: string, at: string): Promise<boolean>;
  /**
   * Gives a free slot a new time, if the slot is still free and at the version staff saw (`next`
   * carries that version) and the facilitator's calendar still at `calendarVersion`: `changed`, or
   * what stopped it. With its audit entry, in one write.
   */
  changeSlotTime(next: ConsultancySlot, calendarVersion: number, audit: AuditEntry): Promise<'changed' | 'slot-changed' | 'calendar-changed'>;
  /** Removes a free slot as staff saw it (its version), with its audit entry; false if it was booked, changed or removed first. */
  removeSlot(slot: ConsultancySlot, audit: AuditEntry): Promise<boolean>;
}

/** The follow-up review of each area: the dates proposed, and each participant's answer. */
export interface FollowUpStore {
  get(areaId: string): Promise<FollowUpReview | undefined>;
  /** False if dates were already proposed. */
  propose(review: FollowUpReview): Promise<boolean>;
  /** False if a date was already confirmed. */
  confirm(areaId: string, optionId: string): Promise<boolean>;
  answers(areaId: string): Promise<FollowUpAnswer[]>;
  answer(areaId: string, applicationId: string): Promise<FollowUpAnswer | undefined>;
  /** One answer per participant, answering again replaces it; with its line on the area's timeline, in one write. */
  saveAnswer(areaId: string, answer: FollowUpAnswer, audit: AuditEntry): Promise<void>;
}
