import type { Area, Ports } from '@pip/domain';
import { consultancyEmails, evaluationEmails } from '@pip/mail';

/**
 * Withdraws the reminders held for one person who has left their group: the evaluation's, and the
 * nudges to book a consultancy session. Their workshop reminders follow their calendar instead.
 * Withdrawing what was never queued, or already went, changes nothing, so a repeat is harmless.
 */
export async function withdrawPersonalReminders(ports: Pick<Ports, 'outbox'>, area: Area, applicationId: string): Promise<void> {
  await Promise.all([
    ports.outbox.cancel(evaluationEmails.reminderId(area.areaId, applicationId)),
    ...([1, 2] as const).map((session) => ports.outbox.cancel(consultancyEmails.notBookedId(area, session, applicationId))),
  ]);
}
