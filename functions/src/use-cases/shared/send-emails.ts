import type { EmailToSend, Ports } from '@pip/domain';

export type SendPorts = Pick<Ports, 'outbox' | 'delivery' | 'clock'>;

/**
 * Queues each email once (an id already in the outbox is a repeat, and queues nothing), then tries
 * to send those due now. If the email service is down they stay queued and the scheduled delivery
 * sends them later: what caused them still stands.
 */
export async function queueAndSend(ports: SendPorts, emails: readonly EmailToSend[]): Promise<void> {
  const now = ports.clock.now().toISOString();
  for (const { email, link } of emails) {
    const due = !email.sendAfter || email.sendAfter <= now;
    if ((await ports.outbox.enqueue(email, now, link)) && due) await ports.delivery.sendNow(email.messageId);
  }
}
