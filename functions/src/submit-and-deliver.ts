import { submitApplication, type SubmissionResult } from '@pip/domain';
import { deliverEmail } from '@pip/mail';
import { publicBaseUrl, type HttpEvent } from './kit/event';
import { describeError, log } from './kit/log';
import { getPlatform } from './wiring';

/**
 * Stores the application with its email in the outbox, then tries to send the email at once. If the
 * email service is down the application still stands; the scheduled delivery sends the email later.
 */
export async function submitAndDeliver(event: HttpEvent, areaId: string, input: unknown): Promise<SubmissionResult> {
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
  );
  if (result.email) {
    try {
      await deliverEmail(platform.delivery, result.email.messageId);
    } catch (error) {
      log('WARN', 'email left in the outbox for scheduled delivery', { messageId: result.email.messageId, ...describeError(error) });
    }
  }
  log('INFO', 'application submitted', { areaId, applicationId: result.application.applicationId, outcome: result.outcome });
  return result;
}
