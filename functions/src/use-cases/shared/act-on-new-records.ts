import type { Ports } from '@pip/domain';
import { deliverEmail, type OutboxDeliveryPorts } from '@pip/mail';
import { forgetSavedApplications } from '../recruitment/saved-reminders';

/** A record just stored, as the table's stream reports it: one this platform acts on at once. */
export type NewRecord =
  /** An email queued to go as soon as it is stored. */
  | { recordId: string; kind: 'email'; messageId: string }
  /** An application stored under an address. */
  | { recordId: string; kind: 'application'; areaId: string; email: string };

export interface NewRecordPorts {
  outboxDelivery: OutboxDeliveryPorts;
  savedApplications: Ports['savedApplications'];
}

/**
 * Acts on each new record: an email is sent (the outbox's claim means the minute's delivery or a
 * second invocation never sends it again), and an application's address loses whatever it saved for
 * the area, reminder first. An email the email service refuses stays in the outbox for the minute's
 * delivery, as from a request; only a record that could not be acted on at all (the table did not
 * answer) is returned, by id, to be offered again.
 */
export async function actOnNewRecords(ports: NewRecordPorts, records: readonly NewRecord[]): Promise<string[]> {
  const failed: string[] = [];
  await Promise.all(
    records.map(async (record) => {
      try {
        if (record.kind === 'email') await deliverEmail(ports.outboxDelivery, record.messageId);
        else await forgetSavedApplications(ports, record.areaId, record.email);
      } catch (error) {
        ports.outboxDelivery.log?.('new record not acted on; it is offered again', { recordId: record.recordId, kind: record.kind, error: error instanceof Error ? error.name : String(error) });
        failed.push(record.recordId);
      }
    }),
  );
  return failed;
}
