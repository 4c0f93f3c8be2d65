import { ConflictError, ValidationError, bookingAwaited, consultancyRules, daysAfter, reminderField, sessionNumberOf, type Actor, type Area, type Ports, type Recipient, type SessionNumber } from '@pip/domain';
import { consultancyEmails } from '@pip/mail';
import { newEmailedLink } from '../shared/emailed-links';
import { selectedParticipants } from '../shared/participants';
import { sendReminderRound, someoneToRemind, type ReminderRoundPorts } from '../shared/reminder-round';
import { consultancyStates, type ConsultancyStatePorts } from './consultancy-state';

/** The leads still in the group, while the session waits to be booked: whom a reminder to book would go to. */
export async function bookingReminderRecipients(
  ports: ConsultancyStatePorts,
  areaId: string,
  sessionNamed: string,
): Promise<{ area: Area; session: SessionNumber; recipients: Recipient[] }> {
  const session = sessionNumberOf(sessionNamed);
  if (!session) throw ValidationError.of('main-content', 'Choose the session to remind the leads about');
  const [states, participants] = await Promise.all([consultancyStates(ports, areaId), selectedParticipants(ports, areaId)]);
  if (!bookingAwaited(states, session)) throw new ConflictError(`Session ${session} is booked, or cannot be booked yet, so there is nobody to remind.`, reminderField(`consultancy-${session}`));
  const inGroup = new Set(participants.map((participant) => participant.applicationId));
  const leads = states[0]!.leads.filter((lead) => inGroup.has(lead.key));
  return { area: states[0]!.area, session, recipients: someoneToRemind(leads, `consultancy-${session}`, 'No lead is in the group now, so there is nobody to remind.') };
}

/** Staff remind the leads to book a session that is not booked, each with a new personal booking link. */
export async function remindLeadsToBook(
  ports: ConsultancyStatePorts & ReminderRoundPorts & Pick<Ports, 'links' | 'linkTokens'>,
  areaId: string,
  sessionNamed: string,
  roundId: string,
  actor: Actor,
): Promise<number> {
  const { area, session, recipients } = await bookingReminderRecipients(ports, areaId, sessionNamed);
  const expiresAt = daysAfter(ports.clock.now(), consultancyRules.linkDays);
  const round = await sendReminderRound(ports, { areaId, kind: `consultancy-${session}`, roundId }, recipients, (to, round) => {
    const { url, link } = newEmailedLink(ports, { purpose: 'consultancy', areaId, applicationId: to.key, expiresAt, details: { session } });
    return { email: consultancyEmails.bookingReminder(area, session, to, url, expiresAt, round), link };
  }, actor);
  return round.reminded.length;
}
