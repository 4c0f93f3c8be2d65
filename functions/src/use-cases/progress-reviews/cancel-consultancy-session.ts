import { ConflictError, type Ports, type ConsultancySessionState, formatUkDateTime } from '@pip/domain';
import { consultancyEmails } from '@pip/mail';
import { auditEntry } from '../shared/audit-entry';
import { queueAndSend } from '../shared/send-emails';
import { sessionRecipients, withdrawSessionReminders } from './session-emails';

/**
 * A lead cancels the session before the cutoff: its slot is free again and everyone's calendar
 * loses it. Only the cancellation that lands is told, so cancelling twice tells nobody twice.
 */
export async function cancelConsultancySession(
  ports: Pick<Ports, 'consultancy' | 'audit' | 'settings' | 'links' | 'outbox' | 'delivery' | 'clock'>,
  state: ConsultancySessionState,
  cancelledBy: string,
): Promise<void> {
  const { area, session, booking, bookedSlot: slot } = state;
  const refused = new ConflictError('The session could not be cancelled: it may already be cancelled, or be less than a day away.');
  if (booking?.status !== 'booked' || !slot || !state.canChange) throw refused;
  if (!(await ports.consultancy.cancel(booking))) throw refused;
  const recipients = sessionRecipients(state.leads, slot);
  await withdrawSessionReminders(ports, area, session, booking.sequence, recipients);
  const manageUrl = ports.links.openAreas();
  await queueAndSend(
    ports,
    recipients.map((to) => ({ email: consultancyEmails.cancellation(area, session, slot, booking.sequence, to, cancelledBy, ports.settings.mailFrom, manageUrl) })),
  );
  await ports.audit.record(auditEntry(ports.clock, area.areaId, { name: cancelledBy }, 'Consultancy session cancelled', `Session ${session}, which was booked for ${formatUkDateTime(slot.startsAt)}.`, booking, undefined));
}
