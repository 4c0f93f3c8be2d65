import { daysAfter, evaluationRules, type EmailToSend, type Ports } from '@pip/domain';
import { evaluationEmails } from '@pip/mail';
import { newEmailedLink } from '../shared/emailed-links';
import { selectedParticipants } from '../shared/participants';
import { queueEmails } from '../shared/send-emails';

/**
 * After the fourth workshop: the survey opens and every participant gets a personal link, and later
 * a reminder if they have not answered. Opening it again sends nobody anything twice.
 */
export async function openEvaluation(
  ports: Pick<Ports, 'areas' | 'selections' | 'applications' | 'evaluation' | 'links' | 'linkTokens' | 'outbox' | 'clock'>,
  areaId: string,
): Promise<void> {
  const [area, participants] = await Promise.all([ports.areas.existing(areaId), selectedParticipants(ports, areaId)]);
  const now = ports.clock.now();
  await ports.evaluation.open({ areaId, openedAt: now.toISOString(), invited: participants.length });
  const expiresAt = daysAfter(now, evaluationRules.linkDays);
  const remindAt = daysAfter(now, evaluationRules.remindAfterDays);
  const emails: EmailToSend[] = participants.flatMap((participant) => {
    const to = { applicationId: participant.applicationId, name: participant.answers.fullName, email: participant.answers.email };
    const { url, link } = newEmailedLink(ports, { purpose: 'evaluation', areaId, applicationId: participant.applicationId, expiresAt });
    return [{ email: evaluationEmails.invitation(area, to, url), link, alongWith: [evaluationEmails.reminder(area, to, url, remindAt, expiresAt)] }];
  });
  await queueEmails(ports, emails);
}
