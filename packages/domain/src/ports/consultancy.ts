import type { BookingOutcome, ConsultancySlot, FollowUpAnswer, FollowUpReview, SessionBooking, SessionNumber } from '../consultancy';

/** Consultancy slots and the two sessions of each area. */
export interface ConsultancyStore {
  slots(areaId: string): Promise<ConsultancySlot[]>;
  /** Every slot of one facilitator, in every area, with the version a new slot must build on. */
  facilitatorSlots(facilitator: string): Promise<{ slots: ConsultancySlot[]; version: number }>;
  /** Publishes the slot if the facilitator's calendar is still at `expectedVersion`; false otherwise. */
  publish(slot: ConsultancySlot, expectedVersion: number): Promise<boolean>;
  sessions(areaId: string): Promise<Partial<Record<SessionNumber, SessionBooking>>>;
  /** Takes the slot only if free and the session only if it is still `previous`, in one write. */
  book(session: SessionBooking, previous: SessionBooking | undefined): Promise<BookingOutcome>;
  cancel(previous: SessionBooking): Promise<boolean>;
  recordHeld(areaId: string, session: SessionNumber, notes: string, at: string): Promise<boolean>;
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
  saveAnswer(areaId: string, answer: FollowUpAnswer): Promise<void>;
}
