import { randomUUID } from 'node:crypto';
import { ValidationError, followUpOptions, followUpProposalProblem, type Actor, type FollowUpReview, type Ports, type ProposedDate, formatUkDateTime } from '@pip/domain';
import { followUpEmails } from '@pip/mail';
import { auditEntry } from '../shared/audit-entry';
import { sendFollowUpLinks, type FollowUpLinksPorts } from './send-follow-up-links';

export interface FollowUpProposal {
  dates: ProposedDate[];
  venue: string;
}

/**
 * After session two took place, staff propose two or three dates and every participant is asked
 * which suit them. Dates are proposed once: proposing again changes nothing and asks nobody twice.
 */
export async function proposeFollowUpReview(
  ports: FollowUpLinksPorts & Pick<Ports, 'areas' | 'consultancy' | 'followUps' | 'audit'>,
  areaId: string,
  proposal: FollowUpProposal,
  actor: Actor,
): Promise<void> {
  const options = followUpOptions(proposal.dates);
  const area = await ports.areas.existing(areaId);
  const problem = followUpProposalProblem(await ports.consultancy.sessions(areaId), options.length, proposal.venue);
  if (problem) throw new ValidationError([problem]);
  const review: FollowUpReview = {
    areaId,
    options: options.map((option) => ({ optionId: randomUUID().slice(0, 8), startsAt: option.startsAt.toISOString(), endsAt: option.endsAt.toISOString() })),
    venue: proposal.venue.trim(),
    proposedBy: actor.name,
  };
  if (!(await ports.followUps.propose(review))) return;
  await ports.audit.record(auditEntry(ports.clock, areaId, actor, 'Follow-up review dates proposed', review.options.map((option) => formatUkDateTime(option.startsAt)).join(', '), undefined, review));
  await sendFollowUpLinks(ports, areaId, (to, url) => followUpEmails.dates(area, to, review.options, url));
}
