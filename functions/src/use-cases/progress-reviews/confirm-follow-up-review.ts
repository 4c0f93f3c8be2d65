import { ConflictError, bestFollowUpOption, type Actor, type Ports, followUpTally, formatUkDateTime } from '@pip/domain';
import { followUpEmails } from '@pip/mail';
import { auditEntry } from '../shared/audit-entry';
import { sendFollowUpLinks, type FollowUpLinksPorts } from './send-follow-up-links';

/** Confirms the date most participants can make and sends everyone the invitation; once only. */
export async function confirmFollowUpReview(ports: FollowUpLinksPorts & Pick<Ports, 'areas' | 'followUps' | 'audit' | 'settings'>, areaId: string, actor: Actor): Promise<void> {
  const area = await ports.areas.existing(areaId);
  const [review, answers] = await Promise.all([ports.followUps.get(areaId), ports.followUps.answers(areaId)]);
  const best = review && bestFollowUpOption(review, answers);
  const answered = review ? followUpTally(review, answers).answered : 0;
  const option = best && review.options.find((candidate) => candidate.optionId === best.optionId);
  if (!review || !best || !option || !(await ports.followUps.confirm(areaId, best.optionId))) {
    throw new ConflictError('The date is confirmed already, or no dates are proposed', 'follow-up-confirm');
  }
  await ports.audit.record(auditEntry(ports.clock, areaId, actor, 'Follow-up review confirmed', `${formatUkDateTime(option.startsAt)}, which ${best.count} of ${answered} who answered can make.`));
  await sendFollowUpLinks(ports, areaId, (to, url) => followUpEmails.invitation(area, to, option, review.venue, url, ports.settings.mailFrom));
}
