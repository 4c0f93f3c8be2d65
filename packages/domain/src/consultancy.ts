import type { Area } from './area';
import { ValidationError, type FieldError } from './errors';
import type { Recipient } from './ports/messages';
import { DAY, HOUR } from './durations';
import { dateProblem, isClockTime, ukDateOf, ukInstantFrom } from './uk-time';
import type { FacilitatorWorkshop } from './facilitator';
import { hoursInWords } from './words';

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
  /**
   * Raised by every change to the slot (booked, freed, a new time), so that staff change or remove
   * it only as they saw it, and a lead books it only at the time they saw. Absent on a new slot.
   */
  version?: number;
}

export type SessionNumber = 1 | 2;
export const sessionNumbers: readonly SessionNumber[] = [1, 2];

/** The session a form or a link names, if it names one of the two. */
export function sessionNumberOf(value: unknown): SessionNumber | undefined {
  return sessionNumbers.find((session) => String(session) === String(value));
}

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
  /** The notes staff keep on the action plan when a session took place. */
  notesCharacters: 4000,
  /** The UK times a new slot's form suggests until staff say otherwise. */
  defaultStartTime: '10:00',
  defaultEndTime: '12:00',
};

export type ConsultancyRules = typeof consultancyRules;

const overlap = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);


/**
 * What is wrong with a new slot, given every slot its facilitator already holds, in any area, and
 * the workshops they run: a workshop takes its facilitator's whole UK day (travel, the group after).
 */
export function slotProblems(
  slot: Omit<ConsultancySlot, 'slotId'>,
  facilitatorSlots: readonly ConsultancySlot[],
  now: Date,
  facilitatorWorkshops: readonly FacilitatorWorkshop[] = [],
  areaNames: Readonly<Record<string, string>> = {},
): FieldError[] {
  const problems: FieldError[] = [];
  if (!slot.facilitator.trim()) problems.push({ field: 'facilitator', message: 'Enter the facilitator' });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(slot.facilitatorEmail)) problems.push({ field: 'facilitatorEmail', message: 'Enter the facilitator’s email address, like name@example.org' });
  if (!slot.where.trim()) problems.push({ field: 'where', message: slot.mode === 'online' ? 'Enter the joining link' : 'Enter the place' });
  else if (slot.mode === 'online' && !/^https:\/\/\S+$/u.test(slot.where)) problems.push({ field: 'where', message: 'Enter the joining link, starting https://' });
  if (Date.parse(slot.endsAt) <= Date.parse(slot.startsAt)) problems.push({ field: 'end', message: 'The session must end after it starts' });
  else if (Date.parse(slot.startsAt) <= now.getTime()) problems.push({ field: 'date', message: 'The slot must be in the future' });
  const clash = facilitatorSlots.find((held) => overlap(held, slot));
  if (clash) problems.push({ field: 'start', message: `${slot.facilitator} already has a slot then, in ${clash.areaId === slot.areaId ? 'this area' : `another area (${clash.areaId})`}` });
  const slotDay = ukDateOf(new Date(slot.startsAt));
  const workshop = facilitatorWorkshops.find((held) => ukDateOf(new Date(held.startsAt)) === slotDay);
  if (workshop) {
    const where = workshop.areaId === slot.areaId ? 'this area' : (areaNames[workshop.areaId] ?? `another area (${workshop.areaId})`);
    problems.push({ field: 'date', message: `${slot.facilitator} runs workshop ${workshop.workshop} in ${where} that day. Choose another date or facilitator` });
  }
  return problems;
}

/** A new slot as the staff form posts it: the UK date and times as typed, and how it is held. */
export interface SlotForm {
  facilitator: string;
  facilitatorEmail: string;
  date: string;
  start: string;
  end: string;
  mode: string;
  where: string;
}

/**
 * The slot the staff form describes, in UK time. A date or time that cannot be read is refused
 * first, field by field; what is wrong with a readable slot is for `slotProblems`.
 */
export function slotFromForm(areaId: string, slotId: string, form: SlotForm): ConsultancySlot {
  const problems: FieldError[] = [];
  const slotDateProblem = dateProblem(form.date, 'the date of the slot');
  if (slotDateProblem) problems.push({ field: 'date', message: slotDateProblem });
  for (const field of ['start', 'end'] as const) {
    if (!isClockTime(form[field].trim())) problems.push({ field, message: `Enter the ${field} time, like 10:00` });
  }
  const startsAt = ukInstantFrom(form.date, form.start);
  const endsAt = ukInstantFrom(form.date, form.end);
  if (problems.length > 0 || !startsAt || !endsAt) throw new ValidationError(problems);
  return {
    slotId,
    areaId,
    facilitator: form.facilitator.trim(),
    facilitatorEmail: form.facilitatorEmail.trim(),
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    mode: form.mode === 'online' ? 'online' : 'in-person',
    where: form.where.trim(),
  };
}

/** Whether a booking can still be made, moved or cancelled: until the cutoff before the start. */
export function beforeCutoff(slot: ConsultancySlot, now: Date, rules: ConsultancyRules = consultancyRules): boolean {
  return Date.parse(slot.startsAt) - now.getTime() >= rules.changeCutoffHours * HOUR;
}

/** Whether the leads may still book, move or cancel a session: not once it took place, nor after the cutoff of its slot. */
export function canChangeBooking(booking: SessionBooking | undefined, bookedSlot: ConsultancySlot | undefined, now: Date, rules: ConsultancyRules = consultancyRules): boolean {
  return !booking?.heldAt && (!bookedSlot || beforeCutoff(bookedSlot, now, rules));
}

/**
 * Whether a booked session is behind us: recorded as held, or its time has come. It then stays as it
 * happened: nobody moves, cancels or books it again.
 */
export function sessionHasPassed(booking: SessionBooking | undefined, bookedSlot: ConsultancySlot | undefined, now: Date): boolean {
  if (booking?.status !== 'booked') return false;
  return booking.heldAt !== undefined || (bookedSlot !== undefined && Date.parse(bookedSlot.startsAt) <= now.getTime());
}

/** What a person reads when they try to change a session that is behind us. */
export function passedSessionRefusal(session: SessionNumber, booking: Pick<SessionBooking, 'heldAt'> | undefined): string {
  return booking?.heldAt
    ? `Session ${session} is recorded as held, so it can no longer be moved, cancelled or booked again.`
    : `The time of session ${session} has passed, so it can no longer be moved, cancelled or booked again.`;
}

/**
 * Why the session cannot be cancelled now, or undefined if it can. Leads may cancel until the
 * cutoff; staff until it starts (a facilitator falling ill the evening before, say).
 */
export function cancelRefusal(
  state: Pick<ConsultancySessionState, 'session' | 'booking' | 'bookedSlot' | 'past' | 'canChange'>,
  by: 'lead' | 'staff',
  rules: ConsultancyRules = consultancyRules,
): string | undefined {
  if (state.booking?.status !== 'booked' || !state.bookedSlot) return `Session ${state.session} is not booked: it may have been cancelled already.`;
  if (state.past) return passedSessionRefusal(state.session, state.booking);
  if (by === 'lead' && !state.canChange) {
    return `It is less than ${hoursInWords(rules.changeCutoffHours)} before the session, so it can no longer be cancelled here. Reply to the booking email if something has come up.`;
  }
  return undefined;
}

/** Why staff cannot change or remove a slot, or undefined if they can: it must still exist and be free. */
export function slotChangeRefusal(slot: ConsultancySlot | undefined): string | undefined {
  if (!slot) return 'This slot no longer exists: it may have been removed already.';
  if (slot.bookedFor !== undefined) {
    return `This slot is booked for session ${slot.bookedFor}, so it cannot be changed or removed here. Cancel the session instead: its time is then free.`;
  }
  return undefined;
}

/** The slot at the new UK date and times staff gave, as it was otherwise; a ValidationError names what to correct. */
export function slotAtNewTime(slot: ConsultancySlot, form: Pick<SlotForm, 'date' | 'start' | 'end'>): ConsultancySlot {
  const moved = slotFromForm(slot.areaId, slot.slotId, { ...form, facilitator: slot.facilitator, facilitatorEmail: slot.facilitatorEmail, mode: slot.mode, where: slot.where });
  return { ...slot, startsAt: moved.startsAt, endsAt: moved.endsAt };
}

/** A session can be recorded as held once its booked slot has started. */
export function canRecordHeld(bookedSlot: ConsultancySlot | undefined, now: Date): boolean {
  return bookedSlot !== undefined && Date.parse(bookedSlot.startsAt) <= now.getTime();
}

/**
 * Why a session cannot be booked into a slot: the slot taken, removed or moved, the session changed
 * since it was seen or already behind us, or the slot not bookable at all.
 */
export type BookingRefusal = Exclude<BookingOutcome, 'booked'> | 'not-bookable' | 'session-past';

/** A session as the person saw it when they chose a slot. */
export interface SessionAsSeen {
  slots: readonly ConsultancySlot[];
  bookable: readonly ConsultancySlot[];
  booking: SessionBooking | undefined;
  canChange: boolean;
  past: boolean;
}

/**
 * The slot to book the session into, or why it cannot be: the slot must still be bookable and as
 * the person saw it (`slotVersionSeen`, when they say), the session still changeable, and its
 * booking still the one the person saw (`expectedSequence`, when they say which they saw).
 */
export function slotToBook(
  seen: SessionAsSeen,
  slotId: string,
  expectedSequence: number | undefined,
  slotVersionSeen?: number,
): { slot: ConsultancySlot } | { refusal: BookingRefusal } {
  if (seen.past) return { refusal: 'session-past' };
  const slot = seen.bookable.find((candidate) => candidate.slotId === slotId);
  if (!slot) {
    const known = seen.slots.find((candidate) => candidate.slotId === slotId);
    return { refusal: !known ? 'slot-gone' : known.bookedFor !== undefined ? 'slot-taken' : 'not-bookable' };
  }
  if (slotVersionSeen !== undefined && (slot.version ?? 0) !== slotVersionSeen) return { refusal: 'slot-changed' };
  if (!seen.canChange) return { refusal: 'not-bookable' };
  const current = seen.booking?.sequence ?? -1;
  if (expectedSequence !== undefined && current !== expectedSequence) return { refusal: 'session-changed' };
  return { slot };
}

/** What a booking is to the people it emails: new, a move of the one they have, or a booking after a cancel. */
export type BookingChange = 'booked' | 'moved' | 'booked-again';

/**
 * The next booking's calendar sequence and what it is to people. A cancellation went out one above
 * the cancelled booking's sequence, so a booking after it goes one above that: calendars ignore an
 * invitation no newer than the cancel they hold.
 */
export function nextBooking(previous: SessionBooking | undefined): { sequence: number; change: BookingChange } {
  if (!previous) return { sequence: 0, change: 'booked' };
  if (previous.status === 'cancelled') return { sequence: previous.sequence + 2, change: 'booked-again' };
  return { sequence: previous.sequence + 1, change: 'moved' };
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
  /** Whether they answered which dates suit them (none may suit); an answer to the invitation alone is not that. */
  answeredDates: boolean;
  available: string[];
  attending?: boolean;
}

/** A session as stored: booked into a slot, or cancelled (its slot free again). */
export type SessionBooking = ConsultancySession & { status: 'booked' | 'cancelled' };

/**
 * How a booking attempt ended: booked, or refused because first the slot was taken, removed or
 * given a new time by staff, or the session changed.
 */
export type BookingOutcome = 'booked' | 'slot-taken' | 'slot-gone' | 'slot-changed' | 'session-changed';

/** One consultancy session of an area as it stands: what the booking page, the staff page and every change decide from. */
export interface ConsultancySessionState {
  area: Area;
  leads: Recipient[];
  session: SessionNumber;
  /** Every slot of the area, booked or not. */
  slots: ConsultancySlot[];
  booking: SessionBooking | undefined;
  bookedSlot: ConsultancySlot | undefined;
  /** The slots this session can be booked or moved into now. */
  bookable: ConsultancySlot[];
  /** Whether the booking can still be moved or cancelled: not held, and not too close to its start. */
  canChange: boolean;
  /** Whether the booked session is behind us (held, or its time come): then nothing changes it. */
  past: boolean;
}

/** The bookings of an area's sessions by number, as the store gives them, from the sessions as they stand. */
export function bookingsOf(states: readonly Pick<ConsultancySessionState, 'session' | 'booking'>[]): Partial<Record<SessionNumber, SessionBooking>> {
  const bookings: Partial<Record<SessionNumber, SessionBooking>> = {};
  for (const { session, booking } of states) if (booking) bookings[session] = booking;
  return bookings;
}

/** Both sessions of an area as they stand at `now`, from its slots and bookings. */
export function consultancySessionStates(
  area: Area,
  leads: Recipient[],
  slots: ConsultancySlot[],
  sessions: Partial<Record<SessionNumber, SessionBooking>>,
  now: Date,
): ConsultancySessionState[] {
  return sessionNumbers.map((session) => {
    const booking = sessions[session];
    const bookedSlot = booking?.status === 'booked' ? slots.find((slot) => slot.slotId === booking.slotId) : undefined;
    return {
      area,
      leads,
      session,
      slots,
      booking,
      bookedSlot,
      bookable: bookableSlots(session, slots, sessions, now),
      canChange: canChangeBooking(booking, bookedSlot, now),
      past: sessionHasPassed(booking, bookedSlot, now),
    };
  });
}
