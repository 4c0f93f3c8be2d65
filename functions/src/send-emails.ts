import type { OutboundEmail } from '@pip/domain';
import { deliverEmail } from '@pip/mail';
import type { EmailedLink } from '@pip/storage';
import { describeError, log } from './kit/log';
import { getPlatform } from './wiring';

export interface EmailToSend {
  email: OutboundEmail;
  /** The link the email carries, stored with it or not at all. */
  link?: { token: string; link: EmailedLink };
}

/**
 * Tries to send an email from the outbox at once. If the email service is down, the email stays in
 * the outbox and the scheduled delivery sends it later: the request that caused it still succeeds.
 */
export async function deliverNow(messageId: string): Promise<void> {
  try {
    await deliverEmail(getPlatform().delivery, messageId);
  } catch (error) {
    log('WARN', 'email left in the outbox for scheduled delivery', { messageId, ...describeError(error) });
  }
}

/** Queues each email once (an id already in the outbox is a repeat, and queues nothing), then sends it. */
export async function queueAndSend(emails: readonly EmailToSend[]): Promise<void> {
  const platform = getPlatform();
  const now = platform.clock.now().toISOString();
  for (const { email, link } of emails) {
    const due = !email.sendAfter || email.sendAfter <= now;
    if ((await platform.outbox.enqueue(email, now, link)) && due) await deliverNow(email.messageId);
  }
}
