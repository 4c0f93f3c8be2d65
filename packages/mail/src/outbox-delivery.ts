import type { Clock, StoredEmail } from '@pip/domain';
import type { Mailer } from './ses-mailer';

/** Long enough for one SES call with retries; a sender that dies mid-send frees the email after it. */
const CLAIM_SECONDS = 60;

/**
 * The outbox as delivery needs it: more than the use cases' `Outbox`, since only delivery claims
 * emails, marks them sent and releases them. Declared here so that mail need not know which store
 * keeps them; storage's outbox meets it by its shape.
 */
export interface DeliveryOutbox {
  /** Ids of emails due and not yet sent, oldest first (those stuck in `sending` included, once their claim lapses). */
  pendingIds(now: Date): Promise<string[]>;
  /** Takes the email for sending; false if it is sent or another sender holds a live claim. */
  claim(messageId: string, now: Date, claimSeconds: number): Promise<boolean>;
  get(messageId: string): Promise<StoredEmail | undefined>;
  markSent(messageId: string, now: Date): Promise<void>;
  /** Puts the email back for a later attempt, keeping the reason for staff to see. */
  release(messageId: string, reason: string): Promise<void>;
}

export interface OutboxDeliveryPorts {
  outbox: DeliveryOutbox;
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
