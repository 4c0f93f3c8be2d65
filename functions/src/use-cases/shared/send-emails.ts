import { eachAtMost, type EmailToSend, type Ports } from '@pip/domain';

export type SendPorts = Pick<Ports, 'outbox' | 'clock'>;

/** How many emails are queued at once: enough to make a large group quick. */
const AT_ONCE = 8;

/**
 * Queues each email once (an id already in the outbox is a repeat, and queues nothing). Nothing here
 * sends: each email due now is sent as soon as it is stored, by the function the table's stream
 * invokes, so however slow the email service is, no email waits on the ones before it, and a caller
 * retried after queueing (a stream batch offered again, a workflow step run twice) leaves nothing
 * unsent. If the email service is down they stay queued for the minute's delivery: what caused them
 * still stands.
 */
export async function queueEmails(ports: SendPorts, emails: readonly EmailToSend[]): Promise<void> {
  const now = ports.clock.now().toISOString();
  await eachAtMost(emails, AT_ONCE, async ({ email, link, alongWith = [] }) => {
    await ports.outbox.enqueue(email, now, link, alongWith);
  });
}
