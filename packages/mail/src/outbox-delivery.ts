import {
  emailTimelineEntry,
  isPseudonymousAddress,
  isStale,
  nextAttemptAt,
  shouldGiveUp,
  type AuditLog,
  type Clock,
  type EmailEvent,
  type OutboundEmail,
  type StoredEmail,
  type UnreachableAddresses,
} from '@pip/domain';
import { wordingOfTemplate } from './applicant-emails';
import { LONGEST_SEND_MS, isPermanentFailure, type Mailer } from './ses-mailer';

/**
 * Longer than one send can last (the SES client gives up well before), so a claim never lapses
 * while its send may still be in flight; a sender that dies mid-send frees the email after it.
 */
export const CLAIM_SECONDS = 60;
if (LONGEST_SEND_MS >= CLAIM_SECONDS * 1000) throw new Error('An email claim must outlast the longest send');

/**
 * The outbox as delivery needs it: more than the use cases' `Outbox`, since only delivery claims
 * emails, marks them sent and releases them. Declared here so that mail need not know which store
 * keeps them; storage's outbox meets it by its shape.
 */
export interface DeliveryOutbox {
  /** Ids of emails due and not yet sent, oldest first (those stuck in `sending` included, once their claim lapses). */
  pendingIds(now: Date): Promise<string[]>;
  /** Takes the email for sending, and answers it as claimed; nothing if it is sent or another sender holds a live claim. */
  claim(messageId: string, now: Date, claimSeconds: number): Promise<StoredEmail | undefined>;
  /**
   * With the email service's id, by which its later reports name the email; and the wording it went
   * with, for the record, when the outbox kept only its template while it waited.
   */
  markSent(messageId: string, now: Date, sesMessageId?: string, wording?: Pick<OutboundEmail, 'subject' | 'text' | 'html'>): Promise<void>;
  /** Puts the email back to be tried again at `retryAt`, keeping the reason for staff to see. */
  release(messageId: string, reason: string, retryAt: string): Promise<void>;
  /** Stops trying: given up (it can never be sent), or expired because its moment passed (with its wording, as `markSent`). */
  finish(messageId: string, status: 'given-up' | 'expired', reason?: string, wording?: Pick<OutboundEmail, 'subject' | 'text' | 'html'>): Promise<void>;
}

export interface OutboxDeliveryPorts {
  outbox: DeliveryOutbox;
  mailer: Mailer;
  clock: Clock;
  /** Addresses that bounced for good or complained are not written to again; those given up on are noted for staff. */
  unreachable: UnreachableAddresses;
  /** The area timelines: what became of each area's email (sent, given up, expired) is appended to its area's. */
  timeline?: Pick<AuditLog, 'record'>;
  log?: (message: string, detail: Record<string, unknown>) => void;
}

/**
 * Appends what became of the email to its area's timeline. The email's own status is already
 * written, and is what delivery goes by: a timeline that cannot be written to is logged, never a
 * reason to send an email twice or stop sending the rest.
 */
async function onTimeline(ports: OutboxDeliveryPorts, email: StoredEmail, event: EmailEvent, attempts?: number): Promise<void> {
  const entry = ports.timeline && emailTimelineEntry(email, event, ports.clock.now().toISOString(), attempts);
  if (!entry) return;
  try {
    await ports.timeline?.record(entry);
  } catch (error) {
    ports.log?.('timeline entry not recorded', { messageId: email.messageId, event, error: error instanceof Error ? error.name : String(error) });
  }
}

export type DeliveryResult = 'sent' | 'not-claimed' | 'failed' | 'given-up' | 'expired';

/**
 * Sends one email from the outbox. The claim means two senders never both send it; a failure puts
 * it back to be tried again later and later (at most four hours apart), so an email endpoint that
 * recovers, however long it was away, still receives every email once; only an email it can never
 * take is given up. A reminder whose event has
 * started is dropped, not sent, however late the delivery runs.
 */
export async function deliverEmail(ports: OutboxDeliveryPorts, messageId: string): Promise<DeliveryResult> {
  const stored = await ports.outbox.claim(messageId, ports.clock.now(), CLAIM_SECONDS);
  if (!stored) return 'not-claimed';
  // An email the outbox kept as its template while it waited is worded now, as it was worded when queued,
  // and keeps that wording for the record; never for an address an erasure gave, whose name is gone.
  const wording = isPseudonymousAddress(stored.to) ? undefined : wordingOfTemplate(stored);
  const email: StoredEmail = wording ? { ...stored, ...wording } : stored;
  if (isStale(email, ports.clock.now())) {
    await ports.outbox.finish(messageId, 'expired', undefined, wording);
    await onTimeline(ports, email, 'expired');
    return 'expired';
  }
  // A calendar update or reminder queued for someone erased since: their pseudonymous address reaches nobody.
  if (isPseudonymousAddress(email.to)) {
    await ports.outbox.finish(messageId, 'given-up', 'Not sent: the person was erased at their request');
    await onTimeline(ports, email, 'given-up');
    return 'given-up';
  }
  const suppressed = await ports.unreachable.find(email.to);
  if (suppressed?.suppressed) {
    await ports.outbox.finish(messageId, 'given-up', `Not sent: ${suppressed.address} is suppressed (${suppressed.reason})`, wording);
    await onTimeline(ports, email, 'given-up');
    return 'given-up';
  }
  let sesMessageId: string | void;
  try {
    sesMessageId = await ports.mailer.send(email);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (shouldGiveUp(isPermanentFailure(error))) {
      ports.log?.('email delivery given up', { messageId, reason, attempts: email.attempts });
      await ports.outbox.finish(messageId, 'given-up', reason, wording);
      const at = ports.clock.now().toISOString();
      await ports.unreachable.record({ address: email.to, problem: 'given-up', suppressed: false, reason, at, messageId, subject: email.subject });
      await onTimeline(ports, email, 'given-up', email.attempts);
      return 'given-up';
    }
    ports.log?.('email delivery failed; it stays in the outbox', { messageId, reason, attempts: email.attempts });
    await ports.outbox.release(messageId, reason, nextAttemptAt(email.attempts, ports.clock.now()));
    return 'failed';
  }
  await ports.outbox.markSent(messageId, ports.clock.now(), sesMessageId || undefined, wording);
  await onTimeline(ports, email, 'sent');
  return 'sent';
}

/**
 * Emails one run sends side by side: each send waits mostly on the table and the email service, so a
 * backlog (reminders falling due together, or what waited while the service was away or slow) goes in
 * a fraction of the time, well under SES's default sending rate of 14 a second.
 */
export const DELIVERING_AT_ONCE = 4;

/**
 * Sends what is due, oldest first, a few at a time. Once a send fails for a reason that may pass (the
 * service away, slow or throttling), the run takes no more: the rest would wait out the same failure
 * one by one, and the next run tries them, and the failed one, again.
 */
export async function deliverPendingEmails(ports: OutboxDeliveryPorts): Promise<Record<DeliveryResult, number>> {
  const counts: Record<DeliveryResult, number> = { sent: 0, 'not-claimed': 0, failed: 0, 'given-up': 0, expired: 0 };
  const pending = await ports.outbox.pendingIds(ports.clock.now());
  let next = 0;
  const sender = async () => {
    while (next < pending.length && counts.failed === 0) counts[await deliverEmail(ports, pending[next++]!)] += 1;
  };
  await Promise.all(Array.from({ length: Math.min(DELIVERING_AT_ONCE, pending.length) }, sender));
  return counts;
}
