import { ConflictError, cancelRefusal, formatUkDateTime, type Actor, type ConsultancySessionState, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import type { SessionCalendarPorts } from './session-calendars';

/** Who cancels: a lead (until the cutoff before the session) or staff (until it starts), and who the audit log names. */
export interface Canceller {
  by: 'lead' | 'staff';
  actor?: Actor;
  /** The booking's sequence as the canceller's page showed it, when it says: a booking moved since is not cancelled. */
  expectedSequence?: number;
}

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
  cancelledBy: string,
  canceller: Canceller = { by: 'lead' },
): Promise<void> {
  const { area, session, booking, bookedSlot: slot } = state;
  assertCancellable(state, canceller.by);
  if (canceller.expectedSequence !== undefined && canceller.expectedSequence !== booking?.sequence) {
    throw new ConflictError('The booking changed while you were looking at it, perhaps by the other lead. Check it below and try again.');
  }
  const refused = () => new ConflictError('The session could not be cancelled: it may already be cancelled, or be less than a day away.');
  if (booking?.status !== 'booked' || !slot) throw refused();
  const actor = canceller.actor ?? { name: cancelledBy };
  const entry = auditEntry(ports.clock, area.areaId, actor, 'Consultancy session cancelled', `Session ${session}, which was booked for ${formatUkDateTime(slot.startsAt)}.`, booking, undefined);
  // With its timeline entry and announcement: the table's stream sends the cancellations to everyone who held it.
  const lead = canceller.by === 'lead' ? state.leads.find((candidate) => candidate.name === cancelledBy) : undefined;
  const changedBy = lead ? { lead: lead.key } : { staff: cancelledBy };
  const announcement = { kind: 'session-changed', areaId: area.areaId, session, sequence: booking.sequence, booked: false, changedBy } as const;
  if (!(await ports.announcements.sessionCancelled(booking, entry, announcement))) throw refused();
}
