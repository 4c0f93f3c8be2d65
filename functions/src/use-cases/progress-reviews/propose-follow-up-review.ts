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
 * which suit them. Dates are proposed once, with their timeline line and an announcement in one
 * write: proposing again changes nothing and asks nobody twice, and a request that stops once they
 * are stored still has everyone asked.
 */
export async function proposeFollowUpReview(
  ports: Pick<Ports, 'areas' | 'consultancy' | 'announcements' | 'clock'>,
  areaId: string,
  proposal: FollowUpProposal,
  actor: Actor,
): Promise<void> {
  const options = followUpOptions(proposal.dates);
  // The area only to refuse one that is not there: read beside the sessions.
  const [, sessions] = await Promise.all([ports.areas.existing(areaId), ports.consultancy.sessions(areaId)]);
  const problem = followUpProposalProblem(sessions, options.length, proposal.venue);
  if (problem) throw new ValidationError([problem]);
  const review: FollowUpReview = {
    areaId,
    options: options.map((option) => ({ optionId: randomUUID().slice(0, 8), startsAt: option.startsAt.toISOString(), endsAt: option.endsAt.toISOString() })),
    venue: proposal.venue.trim(),
    proposedBy: actor.name,
  };
  const entry = auditEntry(ports.clock, areaId, actor, 'Follow-up review dates proposed', review.options.map((option) => formatUkDateTime(option.startsAt)).join(', '), undefined, review);
  await ports.announcements.followUpProposed(review, entry, { kind: 'follow-up-proposed', areaId });
}

/** Asks every participant which of the proposed dates suit them, each through their own link: from the announcement. */
export async function askForFollowUpDates(ports: FollowUpLinksPorts & Pick<Ports, 'areas' | 'followUps'>, areaId: string): Promise<void> {
  const [area, review] = await Promise.all([ports.areas.existing(areaId), ports.followUps.get(areaId)]);
  if (!review) return;
  await sendFollowUpLinks(ports, areaId, (to, url) => followUpEmails.dates(area, to, review.options, url));
}
