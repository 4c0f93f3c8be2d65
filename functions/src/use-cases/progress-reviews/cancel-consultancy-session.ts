import { ConflictError, cancelRefusal, formatUkDateTime, type Actor, type ConsultancySessionState, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import type { SessionLead } from './book-consultancy-session';
import type { SessionCalendarPorts } from './session-calendars';

/**
 * Who cancels: a lead through their own link (until the cutoff before the session; never found by
 * name, as two leads may share one) or staff (until it starts), and, when their page said, the
 * booking as it showed it (a booking moved since is not cancelled).
 */
export type Canceller = ({ by: 'lead'; lead: SessionLead } | { by: 'staff'; actor: Actor }) & { expectedSequence?: number };

/** Refuses, in words a person can act on, a cancellation the session no longer allows: before the confirmation page as after it. */
export function assertCancellable(state: ConsultancySessionState, by: Canceller['by']): void {
  const refusal = cancelRefusal(state, by);
  if (refusal) throw new ConflictError(refusal);
}

/**
 * A lead (or staff) cancels the session: its slot is free again and everyone's calendar loses it.
 * Only the cancellation that lands is told, so cancelling twice tells nobody twice. A session
 * held, or whose time has come, is never cancelled.
 */
export async function cancelConsultancySession(
  ports: SessionCalendarPorts & Pick<Ports, 'announcements'>,
  state: ConsultancySessionState,
  canceller: Canceller,
): Promise<void> {
  const { area, session, booking, bookedSlot: slot } = state;
  assertCancellable(state, canceller.by);
  if (canceller.expectedSequence !== undefined && canceller.expectedSequence !== booking?.sequence) {
    throw new ConflictError('The booking changed while you were looking at it, perhaps by the other lead. Check it below and try again.');
  }
  const refused = () => new ConflictError('The session could not be cancelled: it may already be cancelled, or be less than a day away.');
  if (booking?.status !== 'booked' || !slot) throw refused();
  const actor = canceller.by === 'lead' ? { name: canceller.lead.name } : canceller.actor;
  const entry = auditEntry(ports.clock, area.areaId, actor, 'Consultancy session cancelled', `Session ${session}, which was booked for ${formatUkDateTime(slot.startsAt)}.`, booking, undefined);
  // A lead's cancellation is a form they sent, on their own record, as their booking is.
  const recorded = canceller.by === 'lead' ? { ...entry, kind: 'form' as const, subjects: [canceller.lead.key] } : entry;
  const changedBy = canceller.by === 'lead' ? { lead: canceller.lead.key } : { staff: `${actor.name} (programme team)` };
  const announcement = { kind: 'session-changed', areaId: area.areaId, session, sequence: booking.sequence, booked: false, changedBy } as const;
  // With its timeline entry and announcement: the table's stream sends the cancellations to everyone who held it.
  if (!(await ports.announcements.sessionCancelled(booking, recorded, announcement))) throw refused();
}
