import { submitApplication, type Nomination, type SubmissionResult } from '@pip/domain';
import { publicBaseUrl, type HttpEvent } from './kit/event';
import { log } from './kit/log';
import { deliverNow } from './send-emails';
import { getPlatform } from './wiring';

/**
 * Stores the application with its email in the outbox, then tries to send the email at once. If the
 * email service is down the application still stands; the scheduled delivery sends the email later.
 */
export async function submitAndDeliver(event: HttpEvent, areaId: string, input: unknown, nomination?: Nomination): Promise<SubmissionResult> {
  const platform = getPlatform();
  const result = await submitApplication(
    {
      areas: platform.areas,
      applications: platform.applications,
      emails: platform.applicantEmails(publicBaseUrl(event, platform.publicBaseUrl)),
      clock: platform.clock,
      random: platform.random,
    },
    areaId,
    input,
    nomination,
  );
  if (result.email) await deliverNow(result.email.messageId);
  log('INFO', 'application submitted', { areaId, applicationId: result.application.applicationId, outcome: result.outcome });
  return result;
}
