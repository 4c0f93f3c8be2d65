import type { Announcement, Ports } from '@pip/domain';
import { deliverEmail, type OutboxDeliveryPorts } from '@pip/mail';
import { forgetSavedApplications } from '../recruitment/saved-reminders';
import type { AnnouncementPorts } from './announcements';

/** A record just stored, as the table's stream reports it: one this platform acts on at once. */
export type NewRecord =
  /** An email queued to go as soon as it is stored. */
  | { recordId: string; kind: 'email'; messageId: string }
  /** An application stored under an address. */
  | { recordId: string; kind: 'application'; areaId: string; email: string }
  /** A decision's announcement: the emails it tells a group of are made and sent. */
  | { recordId: string; kind: 'announcement'; announcement: Announcement };

export interface NewRecordPorts {
  outboxDelivery: OutboxDeliveryPorts;
  savedApplications: Ports['savedApplications'];
  announcing: AnnouncementPorts;
}

/**
 * Acts on each new record: an email is sent (the outbox's claim means the minute's delivery or a
 * second invocation never sends it again), an application's address loses whatever it saved for
 * the area, reminder first, and an announcement's emails are made and sent, each once. An email the email service refuses stays in the outbox for the minute's
 * delivery, as from a request; only a record that could not be acted on at all (the table did not
 * answer) is returned, by id, to be offered again.
 */
export async function actOnNewRecords(ports: NewRecordPorts, records: readonly NewRecord[]): Promise<string[]> {
  const failed: string[] = [];
  await Promise.all(
    records.map(async (record) => {
      try {
        if (record.kind === 'email') await deliverEmail(ports.outboxDelivery, record.messageId);
        // Loaded when first needed: the emails of a group, their templates and calendars are more than an application's email needs.
        else if (record.kind === 'announcement') await (await import('./announcements')).actOnAnnouncement(ports.announcing, record.announcement);
        else await forgetSavedApplications(ports, record.areaId, record.email);
      } catch (error) {
        ports.outboxDelivery.log?.('new record not acted on; it is offered again', { recordId: record.recordId, kind: record.kind, error: error instanceof Error ? error.name : String(error) });
        failed.push(record.recordId);
      }
    }),
  );
  return failed;
}
