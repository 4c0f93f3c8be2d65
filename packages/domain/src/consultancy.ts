import type { FieldError } from './errors';
import { DAY, HOUR } from './durations';

/** A time a facilitator offers for a lead's consultancy session, in person or online. */
export interface ConsultancySlot {
  slotId: string;
  areaId: string;
  facilitator: string;
  facilitatorEmail: string;
  startsAt: string;
  endsAt: string;
  mode: 'in-person' | 'online';
  /** The place, in person; the joining link, online. */
  where: string;
  /** Set when a session takes the slot. */
  bookedFor?: SessionNumber;
}

export type SessionNumber = 1 | 2;
export const sessionNumbers: readonly SessionNumber[] = [1, 2];

/** One of the two consultancy sessions of an area, shared by its two leads. */
export interface ConsultancySession {
  areaId: string;
  session: SessionNumber;
  slotId: string;
  bookedBy: string;
  bookedAt: string;
  /** Raised by each reschedule, so calendars update the one event. */
  sequence: number;
  heldAt?: string;
  notes?: string;
}

export const consultancyRules = {
  /** Booking, rescheduling and cancelling close this long before the start. */
  changeCutoffHours: 24,
  /** Session two starts no sooner than this after session one ended. */
  daysBetweenSessions: 28,
  /** A booking link lasts this long. */
  linkDays: 365,
  /** Leads are reminded, and staff alerted, when a session is still unbooked this long after its link went out. */
  bookWithinDays: 21,
};

export type ConsultancyRules = typeof consultancyRules;


const overlap = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

/** A facilitator's name as a key: the same person however their name was typed. */
export function facilitatorKey(name: string): string {
  return name.trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** What is wrong with a new slot, given every slot its facilitator already holds, in any area. */
export function slotProblems(slot: Omit<ConsultancySlot, 'slotId'>, facilitatorSlots: readonly ConsultancySlot[], now: Date): FieldError[] {
  const problems: FieldError[] = [];
  if (!slot.facilitator.trim()) problems.push({ field: 'facilitator', message: 'Enter the facilitator' });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(slot.facilitatorEmail)) problems.push({ field: 'facilitatorEmail', message: 'Enter the facilitator’s email address, like name@example.org' });
  if (!slot.where.trim()) problems.push({ field: 'where', message: slot.mode === 'online' ? 'Enter the joining link' : 'Enter the place' });
  else if (slot.mode === 'online' && !/^https:\/\/\S+$/u.test(slot.where)) problems.push({ field: 'where', message: 'Enter the joining link, starting https://' });
  if (Date.parse(slot.endsAt) <= Date.parse(slot.startsAt)) problems.push({ field: 'end', message: 'The session must end after it starts' });
  else if (Date.parse(slot.startsAt) <= now.getTime()) problems.push({ field: 'date', message: 'The slot must be in the future' });
  const clash = facilitatorSlots.find((held) => overlap(held, slot));
  if (clash) problems.push({ field: 'start', message: `${slot.facilitator} already has a slot then, in ${clash.areaId === slot.areaId ? 'this area' : `another area (${clash.areaId})`}` });
  return problems;
}

/** Whether a booking can still be made, moved or cancelled: until the cutoff before the start. */
export function beforeCutoff(slot: ConsultancySlot, now: Date, rules: ConsultancyRules = consultancyRules): boolean {
  return Date.parse(slot.startsAt) - now.getTime() >= rules.changeCutoffHours * HOUR;
}

/**
 * The slots a session may book: free, before the cutoff, and for session two no sooner than the
 * gap after session one ended. Session two has none until session one has taken place.
 */
export function bookableSlots(
  session: SessionNumber,
  slots: readonly ConsultancySlot[],
  sessions: Partial<Record<SessionNumber, ConsultancySession>>,
  now: Date,
  rules: ConsultancyRules = consultancyRules,
): ConsultancySlot[] {
  let earliest = now.getTime() + rules.changeCutoffHours * HOUR;
  if (session === 2) {
    const first = sessions[1];
    const firstSlot = first && slots.find((slot) => slot.slotId === first.slotId);
    if (!first?.heldAt || !firstSlot) return [];
    earliest = Math.max(earliest, Date.parse(firstSlot.endsAt) + rules.daysBetweenSessions * DAY);
  }
  return slots
    .filter((slot) => slot.bookedFor === undefined && Date.parse(slot.startsAt) >= earliest)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The full group's follow-up review after session two: staff propose dates, everyone answers, the most popular is confirmed. */
export interface FollowUpReview {
  areaId: string;
  options: { optionId: string; startsAt: string; endsAt: string }[];
  venue: string;
  proposedBy: string;
  confirmedOptionId?: string;
}

/** One participant's answers: which proposed dates suit them, and once confirmed whether they will attend. */
export interface FollowUpAnswer {
  applicationId: string;
  available: string[];
  attending?: boolean;
}

/** The date most participants can make; on a tie, the earliest. */
export function bestFollowUpOption(review: FollowUpReview, answers: readonly FollowUpAnswer[]): { optionId: string; count: number } | undefined {
  const counted = review.options.map((option) => ({
    optionId: option.optionId,
    startsAt: option.startsAt,
    count: answers.filter((answer) => answer.available.includes(option.optionId)).length,
  }));
  counted.sort((a, b) => b.count - a.count || a.startsAt.localeCompare(b.startsAt));
  const best = counted[0];
  return best ? { optionId: best.optionId, count: best.count } : undefined;
}

/** A session as stored: booked into a slot, or cancelled (its slot free again). */
export type SessionBooking = ConsultancySession & { status: 'booked' | 'cancelled' };

/** How a booking attempt ended: booked, or refused because the slot or the session changed first. */
export type BookingOutcome = 'booked' | 'slot-taken' | 'session-changed';
