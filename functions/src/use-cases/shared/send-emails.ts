import { eachAtMost, type EmailToSend, type Ports } from '@pip/domain';

export type SendPorts = Pick<Ports, 'outbox' | 'delivery' | 'clock'>;

/** How many emails are queued or sent at once: enough to make a large batch quick, few enough for SES's rate. */
const AT_ONCE = 8;
/**
 * How long a request may spend sending what it queued. Whatever is left stays queued and the
 * scheduled delivery sends it within a minute, so no request waits long for email however many
 * applicants a decision tells.
 */
export const SEND_WITHIN_MS = 5_000;

/**
 * Queues each email once (an id already in the outbox is a repeat, and queues nothing), every one
 * before any is sent, so that a request stopped part-way leaves them all for the scheduled
 * delivery; then sends those due now, for at most `SEND_WITHIN_MS`. If the email service is down
 * they stay queued and are sent later: what caused them still stands.
 */
export async function queueAndSend(ports: SendPorts, emails: readonly EmailToSend[]): Promise<void> {
  const now = ports.clock.now().toISOString();
  const queued: string[] = [];
  await eachAtMost(emails, AT_ONCE, async ({ email, link, alongWith = [] }) => {
    if (!(await ports.outbox.enqueue(email, now, link, alongWith))) return;
    for (const one of [email, ...alongWith]) if (!one.sendAfter || one.sendAfter <= now) queued.push(one.messageId);
  });
  const stopAt = Date.now() + SEND_WITHIN_MS;
  await eachAtMost(queued, AT_ONCE, async (messageId) => {
    if (Date.now() < stopAt) await ports.delivery.sendNow(messageId);
  });
}
