import {
  daysAfter,
  followUpRules,
  type Area,
  type EmailToSend,
  type Ports,
  type Recipient,
} from '@pip/domain';
import { followUpEmails } from '@pip/mail';
import { newEmailedLink } from '../shared/emailed-links';
import { reconcilePersonCalendar } from '../shared/person-calendar';
import { selectedParticipants } from '../shared/participants';

export type FollowUpCalendarPorts = Pick<
  Ports,
  'areas' | 'followUps' | 'selections' | 'applications' | 'calendars' | 'links' | 'linkTokens' | 'outbox' | 'clock' | 'settings'
>;

const KEY = 'follow-up';

/**
 * The confirmed follow-up review in the calendars of the group, reconciled as the workshops are:
 * everyone in the group holds it (with their own link to say whether they will attend); someone who
 * leaves has it taken out; someone who joins or comes back is invited above any cancellation sent.
 */
export async function reconcileFollowUpCalendars(ports: FollowUpCalendarPorts, areaId: string): Promise<void> {
  const [area, review] = await Promise.all([ports.areas.existing(areaId), ports.followUps.get(areaId)]);
  const option = review?.options.find((candidate) => candidate.optionId === review.confirmedOptionId);
  if (!review || !option) return;
  const [group, calendars, applications] = await Promise.all([selectedParticipants(ports, areaId), ports.calendars.ofArea(areaId), ports.applications.listForArea(areaId)]);
  const members = new Set(group.map((person) => person.applicationId));
  const holders = new Set(calendars.filter((calendar) => calendar.entries[KEY]?.status === 'confirmed').map((calendar) => calendar.personKey));
  const people: Recipient[] = applications
    .filter((application) => members.has(application.applicationId) || holders.has(application.applicationId))
    .map((application) => ({ key: application.applicationId, name: application.answers.fullName, email: application.answers.email }));
  const events = { [KEY]: { startsAt: option.startsAt, endsAt: option.endsAt, location: review.venue, ref: option.optionId } };
  // Each email goes from the table's stream once its calendar is stored.
  await Promise.all(people.map((to) => reconcilePerson(ports, area, to, events, members.has(to.key), option, review.venue)));
}

function reconcilePerson(
  ports: FollowUpCalendarPorts,
  area: Area,
  to: Recipient,
  events: Record<string, { startsAt: string; endsAt: string; location: string; ref: string }>,
  wanted: boolean,
  option: { startsAt: string; endsAt: string },
  venue: string,
): Promise<EmailToSend[]> {
  const { mailFrom } = ports.settings;
  return reconcilePersonCalendar(
    ports,
    {
      areaId: area.areaId,
      personKey: to.key,
      events,
      wanted: () => wanted,
      inScope: (key) => key === KEY,
      // The review has no reminders: nothing to withdraw.
      withdrawReminders: async () => undefined,
      emailsFor: (change) => {
        if (change.kind === 'cancel') return [{ email: followUpEmails.cancellation(area, to, option, venue, mailFrom, change.sequence, ports.links.openAreas()) }];
        const expiresAt = daysAfter(ports.clock.now(), followUpRules.linkDays);
        const { url, link } = newEmailedLink(ports, { purpose: 'follow-up', areaId: area.areaId, applicationId: to.key, expiresAt });
        return [{ email: followUpEmails.invitation(area, to, option, venue, url, mailFrom, change.sequence), link }];
      },
    },
    'The follow-up calendar',
  );
}
