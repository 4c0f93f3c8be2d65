import { emailTimelineEntry, isPseudonymousAddress, suppressionReason, type EmailNotification, type Ports } from '@pip/domain';
import { undeliverableEmail } from '@pip/mail';
import { queueEmails } from '../shared/send-emails';

export type RecordEmailReportPorts = Pick<Ports, 'emailTracking' | 'unreachable' | 'outbox' | 'clock' | 'settings' | 'links' | 'log' | 'audit'>;

export type EmailReportResult = 'recorded' | 'unknown-email';

/**
 * Records what the email service reported of one email. A bounce or complaint marks the address
 * (suppressed for good when SES says so) and tells the programme team, once per email and problem,
 * whatever order or how often the reports come.
 */
export async function recordEmailReport(ports: RecordEmailReportPorts, notification: EmailNotification): Promise<EmailReportResult> {
  const email = await ports.emailTracking.findBySesMessageId(notification.sesMessageId);
  if (!email) {
    ports.log('WARN', 'report of an email the outbox does not hold', { sesMessageId: notification.sesMessageId, kind: notification.kind });
    return 'unknown-email';
  }
  await ports.emailTracking.recordOutcome(email.messageId, { status: notification.kind, detail: notification.detail, at: notification.at });
  // Every report is on the area's timeline, once however often it comes: a delivery after a bounce happened too.
  const reportedAt = Number.isNaN(Date.parse(notification.at)) ? ports.clock.now().toISOString() : notification.at;
  const entry = emailTimelineEntry(email, notification.kind, reportedAt);
  if (entry) await ports.audit.record(entry);
  if (notification.kind === 'delivered') return 'recorded';
  // Its wording is gone (past the retention period, or the person was erased): the status is kept, but nothing
  // that would write the address the service names back into the record, or send it to staff.
  if (email.to === '' || isPseudonymousAddress(email.to)) return 'recorded';

  const suppressed = suppressionReason(notification) !== undefined;
  for (const address of notification.recipients) {
    await ports.unreachable.record({
      address,
      problem: notification.kind,
      suppressed,
      reason: notification.detail,
      at: notification.at,
      messageId: email.messageId,
      subject: email.subject,
    });
  }
  ports.log('WARN', 'email not delivered', { messageId: email.messageId, kind: notification.kind, suppressed });
  const staffAlertsTo = ports.settings.staffAlertsTo;
  // An alert that itself bounced would only alert again.
  if (email.to.toLowerCase() === staffAlertsTo.toLowerCase()) return 'recorded';
  // The person's application, where staff correct the address, and which still finds them once it is corrected;
  // a search for the address where the email was for nobody with an application (a facilitator).
  const personUrl = email.areaId && email.applicationId ? ports.links.staffApplication(email.areaId, email.applicationId) : ports.links.staffPersonSearch(email.to);
  await queueEmails(ports, [{ email: undeliverableEmail({ failed: email, notification, to: staffAlertsTo, personUrl, suppressed }) }]);
  return 'recorded';
}
