import { deliverPendingEmails } from '@pip/mail';
import { log } from '../kit/log';
import { getPlatform } from '../wiring';

/** Runs every minute: sends whatever the outbox still holds, such as emails whose first attempt failed. */
export async function handler(): Promise<Record<string, number>> {
  const counts = await deliverPendingEmails(getPlatform().delivery);
  if (counts.sent + counts.failed > 0) log('INFO', 'outbox delivery', counts);
  return counts;
}
