import { deliverPendingEmails } from '@pip/mail';
import { platformPorts } from '../composition-root';
import { log } from '../kit/log';

/** Runs every minute: sends whatever the outbox still holds, such as emails whose first attempt failed. */
export async function handler(): Promise<Record<string, number>> {
  const counts = await deliverPendingEmails(platformPorts().outboxDelivery);
  if (counts.sent + counts.failed > 0) log('INFO', 'outbox delivery', counts);
  return counts;
}
