import { formatUkDateTime, type EmailNotification, type OutboundEmail, type StoredEmail } from '@pip/domain';
import { staffPrompt } from './workflow-emails';

const problems: Record<Exclude<EmailNotification['kind'], 'delivered'>, string> = {
  bounced: 'could not be delivered',
  complained: 'was reported as spam by its recipient',
};

/**
 * Tells the programme team that an email did not reach its person, once per email and kind of
 * problem: a lead who never receives a booking link books nothing unless someone notices.
 */
export function undeliverableEmail(options: { failed: StoredEmail; notification: EmailNotification; to: string; personUrl: string; suppressed: boolean }): OutboundEmail {
  const { failed, notification } = options;
  const kind = notification.kind === 'complained' ? 'complained' : 'bounced';
  return staffPrompt({
    messageId: `undeliverable-${failed.messageId}-${kind}`,
    to: options.to,
    about: failed.to,
    subject: kind === 'complained' ? 'Reported as spam' : 'Email not delivered',
    paragraphs: [
      `The email “${failed.subject}” to ${failed.to} ${problems[kind]} (${formatUkDateTime(notification.at)}).`,
      `The email service said: ${notification.detail}.`,
      options.suppressed
        ? 'The platform will send nothing more to this address. Check the address with the person, correct it in their application, and send the email again.'
        : 'The platform will keep writing to this address; if it goes on failing, check it with the person.',
    ],
    consoleUrl: options.personUrl,
  });
}
