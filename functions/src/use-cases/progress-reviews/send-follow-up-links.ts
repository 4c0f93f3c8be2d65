import { daysAfter, followUpRules, type OutboundEmail, type Ports, type Recipient } from '@pip/domain';
import { newEmailedLink } from '../shared/emailed-links';
import { selectedParticipants } from '../shared/participants';
import { queueEmails } from '../shared/send-emails';

export type FollowUpLinksPorts = Pick<Ports, 'selections' | 'applications' | 'links' | 'linkTokens' | 'outbox' | 'clock'>;

/** Emails every participant their own follow-up link, by which they answer for the dates and then for attendance. */
export async function sendFollowUpLinks(ports: FollowUpLinksPorts, areaId: string, email: (to: Recipient, url: string) => OutboundEmail): Promise<void> {
  const expiresAt = daysAfter(ports.clock.now(), followUpRules.linkDays);
  const emails = (await selectedParticipants(ports, areaId)).map((participant) => {
    const to = { key: participant.applicationId, name: participant.answers.fullName, email: participant.answers.email };
    const { url, link } = newEmailedLink(ports, { purpose: 'follow-up', areaId, applicationId: participant.applicationId, expiresAt });
    return { email: email(to, url), link };
  });
  await queueEmails(ports, emails);
}
