import { consultancyRules, daysAfter, type EmailToSend, type Ports, type SessionNumber } from '@pip/domain';
import { consultancyEmails } from '@pip/mail';
import { areaLeads } from './area-leads';
import { newEmailedLink } from '../shared/emailed-links';
import { queueEmails } from '../shared/send-emails';

export type SendBookingLinksPorts = Pick<Ports, 'areas' | 'selections' | 'applications' | 'settings' | 'links' | 'linkTokens' | 'outbox' | 'clock'>;

/** Emails each lead their own link to book the session, and holds reminders for if it stays unbooked. */
export async function sendBookingLinks(ports: SendBookingLinksPorts, areaId: string, session: SessionNumber): Promise<void> {
  const [area, leads] = await Promise.all([ports.areas.existing(areaId), areaLeads(ports, areaId)]);
  const now = ports.clock.now();
  const expiresAt = daysAfter(now, consultancyRules.linkDays);
  const remindAt = daysAfter(now, consultancyRules.bookWithinDays);
  const emails: EmailToSend[] = [];
  for (const lead of leads) {
    const { url, link } = newEmailedLink(ports, { purpose: 'consultancy', areaId, applicationId: lead.key, expiresAt, details: { session } });
    emails.push({
      email: consultancyEmails.bookingLink(area, session, lead, url, expiresAt),
      link,
      alongWith: [consultancyEmails.notBookedReminder(area, session, lead, url, remindAt, expiresAt)],
    });
  }
  emails.push({ email: consultancyEmails.notBookedAlert(area, session, ports.settings.staffAlertsTo, ports.links.staffArea(areaId, 'consultancy'), remindAt, expiresAt) });
  await queueEmails(ports, emails);
}
