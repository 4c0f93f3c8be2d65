import { deliverPendingEmails } from '@pip/mail';
import { platformPorts } from '../composition-root';
import { log } from '../kit/log';
import { observedFunction } from '../kit/observe';

/**
 * Runs every minute: sends whatever the outbox still holds, such as emails whose first attempt failed,
 * then reports how long the oldest email still unsent has waited. It reports every run, 0 included:
 * the alarm on that figure reads silence as delivery no longer running.
 */
export const handler = observedFunction(async (): Promise<Record<string, number>> => {
  const platform = platformPorts();
  const counts = await deliverPendingEmails(platform.outboxDelivery);
  if (counts.sent + counts.failed > 0) log('INFO', 'outbox delivery', counts);
  platform.metrics.oldestUnsentEmailAge(await platform.oldestUnsentEmailAge());
  return counts;
});
