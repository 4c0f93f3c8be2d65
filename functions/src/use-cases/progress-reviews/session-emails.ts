import { REMINDER_DAYS_BEFORE, facilitatorKey, type Area, type ConsultancySlot, type Ports, type SessionNumber, type Recipient } from '@pip/domain';
import { consultancyEmails } from '@pip/mail';

/** Who hears about a session's booking, move or cancellation: both leads and the slot's facilitator. */
export function sessionRecipients(leads: readonly Recipient[], slot: ConsultancySlot): Recipient[] {
  return [...leads, { key: `facilitator-${facilitatorKey(slot.facilitator).replace(/\W+/gu, '-')}`, name: slot.facilitator, email: slot.facilitatorEmail }];
}

/** Withdraws the reminders still held for a booking that moved or was cancelled, so nobody is reminded of a time that no longer stands. */
export async function withdrawSessionReminders(ports: Pick<Ports, 'outbox'>, area: Area, session: SessionNumber, sequence: number, recipients: readonly Recipient[]): Promise<void> {
  await Promise.all(recipients.flatMap((to) => REMINDER_DAYS_BEFORE.map((days) => ports.outbox.cancel(consultancyEmails.reminderId(area, session, sequence, days, to)))));
}
