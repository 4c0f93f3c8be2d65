import { ConflictError, ValidationError, nextBooking, passedSessionRefusal, slotToBook, type BookingRefusal, type Ports, type SessionBooking, type ConsultancySessionState, type Recipient, formatUkDateTime } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import type { SessionCalendarPorts } from './session-calendars';

export type BookingPorts = SessionCalendarPorts & Pick<Ports, 'announcements'>;

/** A lead acting through their own link: their application's reference and their name. */
export type SessionLead = Pick<Recipient, 'key' | 'name'>;

/**
 * Books (or moves) the session into the slot, if the slot is still free and the session is as the
 * person saw it (`state`, read for the page they acted on). Only the booking that lands is told:
 * it is stored with its timeline entry and an announcement, and from the table's stream both leads
 * and the facilitator get it with its calendar file and the unbooked reminders stop, even if this
 * request stops right after the write.
 */
export async function tryBooking(
  ports: BookingPorts,
  state: ConsultancySessionState,
  slotId: string,
  bookedBy: string,
  expectedSequence: number | undefined,
  slotVersionSeen?: number,
  /** The lead's application reference, when a lead booked through their link: a form on the area's timeline, not a staff decision. */
  byLead?: string,
): Promise<'booked' | BookingRefusal> {
  const chosen = slotToBook(state, slotId, expectedSequence, slotVersionSeen);
  if ('refusal' in chosen) return chosen.refusal;
  const { slot } = chosen;
  const { area, session } = state;
  const previous = state.booking;
  const { sequence } = nextBooking(previous);
  const booking: SessionBooking = { areaId: area.areaId, session, slotId, bookedBy, bookedAt: ports.clock.now().toISOString(), sequence, status: 'booked' };
  const action = previous?.status === 'booked' ? 'Consultancy session moved' : 'Consultancy session booked';
  const entry = auditEntry(ports.clock, area.areaId, { name: bookedBy }, action, `Session ${session}: ${formatUkDateTime(slot.startsAt)}, with ${slot.facilitator}.`, previous, booking);
  // With its timeline entry and announcement: the table's stream stops the reminders to book and sends the calendars.
  return ports.announcements.sessionBooked(booking, previous, slot, byLead ? { ...entry, kind: 'form', subjects: [byLead] } : entry, {
    kind: 'session-changed',
    areaId: area.areaId,
    session,
    sequence,
    booked: true,
    changedBy: byLead ? { lead: byLead } : { staff: bookedBy },
  });
}

const refusals: Record<Exclude<BookingRefusal, 'session-past'>, string> = {
  'slot-taken': 'That time has just been taken by someone else. Choose another time.',
  'slot-gone': 'That time is no longer available: the programme team has removed it. Choose another time.',
  'slot-changed': 'That time has changed since you looked at it. Check the times below and choose again.',
  'session-changed': 'The booking changed while you were looking at it, perhaps by the other lead. Check it below and try again.',
  'not-bookable': 'That time can no longer be booked. Choose another time.',
};

/** What a person reads when a booking is refused: the session behind us is said plainly, whoever tried. */
export function bookingRefusal(refusal: BookingRefusal, state: ConsultancySessionState): string {
  return refusal === 'session-past' ? passedSessionRefusal(state.session, state.booking) : refusals[refusal];
}

/**
 * A lead books or moves their area's session from their emailed link, as the booking page showed it
 * to them: the booking as it was (`expectedSequence`) and the slot as it was (`slotVersionSeen`).
 * The lead is the one the link was sent to (never found by name: two leads may share one).
 */
export async function bookConsultancySession(
  ports: BookingPorts,
  state: ConsultancySessionState,
  slotId: string,
  lead: SessionLead,
  expectedSequence: number | undefined,
  slotVersionSeen?: number,
): Promise<void> {
  if (!slotId) throw ValidationError.of('slotId', 'Choose a time');
  const outcome = await tryBooking(ports, state, slotId, lead.name, expectedSequence, slotVersionSeen, lead.key);
  if (outcome !== 'booked') throw new ConflictError(bookingRefusal(outcome, state), 'slotId');
}
