import { ConflictError, daysAfter, followUpRules, notAnsweredIn, reminderField, type Actor, type Area, type FollowUpReview, type Ports, type Recipient } from '@pip/domain';
import { followUpEmails } from '@pip/mail';
import { newEmailedLink } from '../shared/emailed-links';
import { selectedParticipants } from '../shared/participants';
import { sendReminderRound, someoneToRemind, type ReminderRoundPorts } from '../shared/reminder-round';

type RecipientPorts = Pick<Ports, 'areas' | 'followUps' | 'selections' | 'applications'>;

/**
 * Those in the group now (never anyone who withdrew) who have not said which proposed dates suit
 * them, while dates are proposed and none is confirmed: whom a reminder would go to.
 */
export async function followUpReminderRecipients(ports: RecipientPorts, areaId: string): Promise<{ area: Area; review: FollowUpReview; recipients: Recipient[] }> {
  const [area, review, answers, participants] = await Promise.all([
    ports.areas.existing(areaId),
    ports.followUps.get(areaId),
    ports.followUps.answers(areaId),
    selectedParticipants(ports, areaId),
  ]);
  if (!review || review.confirmedOptionId) throw new ConflictError('Reminders about the dates can be sent only while dates are proposed and none is confirmed.', reminderField('follow-up'));
  const answered = new Set(answers.filter((answer) => answer.answeredDates).map((answer) => answer.applicationId));
  const group = participants.map((participant) => ({ applicationId: participant.applicationId, key: participant.applicationId, name: participant.answers.fullName, email: participant.answers.email }));
  const nobody = 'Everyone in the group has said which dates suit them, so there is nobody to remind.';
  return { area, review, recipients: someoneToRemind(notAnsweredIn(group, answered), 'follow-up', nobody) };
}

/** Staff remind those who have not answered the follow-up review's dates, each with a new personal link. */
export async function remindFollowUp(
  ports: RecipientPorts & ReminderRoundPorts & Pick<Ports, 'links' | 'linkTokens'>,
  areaId: string,
  roundId: string,
  actor: Actor,
): Promise<number> {
  const { area, review, recipients } = await followUpReminderRecipients(ports, areaId);
  const expiresAt = daysAfter(ports.clock.now(), followUpRules.linkDays);
  const round = await sendReminderRound(ports, { areaId, kind: 'follow-up', roundId }, recipients, (to, round) => {
    const { url, link } = newEmailedLink(ports, { purpose: 'follow-up', areaId, applicationId: to.key, expiresAt });
    return { email: followUpEmails.datesReminder(area, to, review.options, url, round), link };
  }, actor);
  return round.reminded.length;
}
