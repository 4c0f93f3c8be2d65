import type { Clock } from '@pip/domain';
import type { DynamoOutboxStore } from '@pip/storage';
import type { Mailer } from './ses-mailer';

/** Long enough for one SES call with retries; a sender that dies mid-send frees the email after it. */
const CLAIM_SECONDS = 60;

export interface OutboxDeliveryPorts {
  outbox: DynamoOutboxStore;
  mailer: Mailer;
  clock: Clock;
  log?: (message: string, detail: Record<string, unknown>) => void;
}

export type DeliveryResult = 'sent' | 'not-claimed' | 'failed';

/**
 * Sends one email from the outbox. The claim means two senders never both send it; a failure puts
 * it back for the next run of the scheduled delivery, so an email endpoint that recovers still
 * receives every email once.
 */
export async function deliverEmail(ports: OutboxDeliveryPorts, messageId: string): Promise<DeliveryResult> {
  if (!(await ports.outbox.claim(messageId, ports.clock.now(), CLAIM_SECONDS))) return 'not-claimed';
  const email = await ports.outbox.get(messageId);
  if (!email) return 'not-claimed';
  try {
    await ports.mailer.send(email);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    ports.log?.('email delivery failed; it stays in the outbox', { messageId, reason });
    await ports.outbox.release(messageId, reason);
    return 'failed';
  }
  await ports.outbox.markSent(messageId, ports.clock.now());
  return 'sent';
}

export async function deliverPendingEmails(ports: OutboxDeliveryPorts): Promise<Record<DeliveryResult, number>> {
  const counts: Record<DeliveryResult, number> = { sent: 0, 'not-claimed': 0, failed: 0 };
  for (const messageId of await ports.outbox.pendingIds(ports.clock.now())) {
    counts[await deliverEmail(ports, messageId)] += 1;
  }
  return counts;
}
