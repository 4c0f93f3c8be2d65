import { ConflictError, ValidationError, bestFollowUpOption, followUpTally, formatUkDateTime, type Actor, type Area, type FollowUpReview, type FollowUpTally, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { selectedParticipants } from '../shared/participants';
import type { FollowUpCalendarPorts } from './follow-up-calendars';

type ConfirmPorts = FollowUpCalendarPorts & Pick<Ports, 'announcements'>;

export interface FollowUpDateToConfirm {
  area: Area;
  review: FollowUpReview;
  option: FollowUpTally['options'][number];
  tally: FollowUpTally;
  /** Everyone who will be sent the invitation, by name. */
  invited: string[];
}

const alreadyDone = () => new ConflictError('The date is confirmed already, or no dates are proposed', 'follow-up-confirm');

/**
 * The date staff chose (the one most can make unless they chose another) and who will be invited,
 * as the confirmation page says it; refused as confirming would be. Nothing is written.
 */
export async function followUpDateToConfirm(ports: Pick<ConfirmPorts, 'areas' | 'followUps' | 'selections' | 'applications'>, areaId: string, chosenOptionId?: string): Promise<FollowUpDateToConfirm> {
  // Every read is keyed by the area: none waits for the area itself.
  const [area, review, answers, participants] = await Promise.all([
    ports.areas.existing(areaId),
    ports.followUps.get(areaId),
    ports.followUps.answers(areaId),
    selectedParticipants(ports, areaId),
  ]);
  if (!review || review.confirmedOptionId) throw alreadyDone();
  const tally = followUpTally(review, answers);
  const optionId = chosenOptionId || bestFollowUpOption(review, answers)?.optionId;
  const option = tally.options.find((candidate) => candidate.optionId === optionId);
  if (!option) throw ValidationError.of('follow-up-confirm', 'Choose one of the proposed dates');
  return { area, review, option, tally, invited: participants.map((participant) => participant.answers.fullName) };
}

/**
 * Staff confirm one of the proposed dates, once: stored with its timeline entry and an announcement,
 * from which the table's stream sends everyone the invitation, even if this request stops after the write.
 */
export async function confirmFollowUpReview(ports: ConfirmPorts, areaId: string, actor: Actor, chosenOptionId?: string): Promise<void> {
  const { option, tally } = await followUpDateToConfirm(ports, areaId, chosenOptionId);
  const summary = `${formatUkDateTime(option.startsAt)}, which ${option.canMake} of ${tally.answered} who answered can make.`;
  const entry = auditEntry(ports.clock, areaId, actor, 'Follow-up review confirmed', summary);
  // With its timeline entry and announcement: the table's stream sends every participant the invitation.
  if (!(await ports.announcements.followUpConfirmed(areaId, option.optionId, entry, { kind: 'follow-up-confirmed', areaId, optionId: option.optionId }))) throw alreadyDone();
}
