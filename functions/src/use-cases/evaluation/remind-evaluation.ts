import { ConflictError, daysAfter, evaluationRules, notAnsweredIn, reminderField, type Actor, type Area, type Ports, type Recipient } from '@pip/domain';
import { evaluationEmails } from '@pip/mail';
import { newEmailedLink } from '../shared/emailed-links';
import { selectedParticipants } from '../shared/participants';
import { sendReminderRound, someoneToRemind, type ReminderRoundPorts } from '../shared/reminder-round';

type RecipientPorts = Pick<Ports, 'areas' | 'evaluation' | 'selections' | 'applications'>;

/** Those in the group now (never anyone who withdrew) who have not answered the open survey: whom a reminder would go to. */
export async function evaluationReminderRecipients(ports: RecipientPorts, areaId: string): Promise<{ area: Area; recipients: Recipient[] }> {
  const [area, survey, responses, participants] = await Promise.all([
    ports.areas.existing(areaId),
    ports.evaluation.survey(areaId),
    ports.evaluation.responses(areaId),
    selectedParticipants(ports, areaId),
  ]);
  if (!survey || survey.closedAt) throw new ConflictError('Reminders can be sent only while the evaluation is open.', reminderField('evaluation'));
  const answered = new Set(responses.map((response) => response.applicationId));
  const group = participants.map((participant) => ({ applicationId: participant.applicationId, key: participant.applicationId, name: participant.answers.fullName, email: participant.answers.email }));
  const nobody = 'Everyone in the group has answered, so there is nobody to remind.';
  return { area, recipients: someoneToRemind(notAnsweredIn(group, answered), 'evaluation', nobody) };
}

/** Staff remind those who have not evaluated the programme, each with a new personal link. */
export async function remindEvaluation(
  ports: RecipientPorts & ReminderRoundPorts & Pick<Ports, 'links' | 'linkTokens'>,
  areaId: string,
  roundId: string,
  actor: Actor,
): Promise<number> {
  const { area, recipients } = await evaluationReminderRecipients(ports, areaId);
  const expiresAt = daysAfter(ports.clock.now(), evaluationRules.linkDays);
  const round = await sendReminderRound(ports, { areaId, kind: 'evaluation', roundId }, recipients, (to, round) => {
    const { url, link } = newEmailedLink(ports, { purpose: 'evaluation', areaId, applicationId: to.key, expiresAt });
    return { email: evaluationEmails.staffReminder(area, { applicationId: to.key, name: to.name, email: to.email }, url, expiresAt, round), link };
  }, actor);
  return round.reminded.length;
}
