import { ConflictError, ValidationError, bestFollowUpOption, followUpTally, formatUkDateTime, type Actor, type Ports } from '@pip/domain';
import { followUpEmails } from '@pip/mail';
import { auditEntry } from '../shared/audit-entry';
import { sendFollowUpLinks, type FollowUpLinksPorts } from './send-follow-up-links';

/**
 * Staff confirm one of the proposed dates (the one most can make unless they choose another) and
 * everyone is sent the invitation; once only.
 */
export async function confirmFollowUpReview(
  ports: FollowUpLinksPorts & Pick<Ports, 'areas' | 'followUps' | 'audit' | 'settings'>,
  areaId: string,
  actor: Actor,
  chosenOptionId?: string,
): Promise<void> {
  const area = await ports.areas.existing(areaId);
  const [review, answers] = await Promise.all([ports.followUps.get(areaId), ports.followUps.answers(areaId)]);
  if (!review || review.confirmedOptionId) throw new ConflictError('The date is confirmed already, or no dates are proposed', 'follow-up-confirm');
  const tally = followUpTally(review, answers);
  const optionId = chosenOptionId || bestFollowUpOption(review, answers)?.optionId;
  const option = tally.options.find((candidate) => candidate.optionId === optionId);
  if (!option) throw ValidationError.of('follow-up-confirm', 'Choose one of the proposed dates');
  if (!(await ports.followUps.confirm(areaId, option.optionId))) {
    throw new ConflictError('The date is confirmed already, or no dates are proposed', 'follow-up-confirm');
  }
  const summary = `${formatUkDateTime(option.startsAt)}, which ${option.canMake} of ${tally.answered} who answered can make.`;
  await ports.audit.record(auditEntry(ports.clock, areaId, actor, 'Follow-up review confirmed', summary));
  await sendFollowUpLinks(ports, areaId, (to, url) => followUpEmails.invitation(area, to, option, review.venue, url, ports.settings.mailFrom));
}
