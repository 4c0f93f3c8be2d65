import {
  consultancyRules,
  daysAfter,
  reminderTimes,
  type Announcement,
  type Area,
  type CalendarChange,
  type ConsultancySessionState,
  type ConsultancySlot,
  type EmailToSend,
  type OutboundEmail,
  type Ports,
  type Recipient,
  type SessionNumber,
} from '@pip/domain';
import { consultancyEmails } from '@pip/mail';
import { consultancyState, type ConsultancyStatePorts } from './consultancy-state';
import { newEmailedLink } from '../shared/emailed-links';
import { reconcilePersonCalendar } from '../shared/person-calendar';
import { sessionRecipients, withdrawSessionReminders } from './session-emails';

export type SessionCalendarPorts = ConsultancyStatePorts & Pick<Ports, 'calendars' | 'outbox' | 'settings' | 'links' | 'linkTokens'>;

const sessionKey = (session: SessionNumber) => `consultancy-${session}`;

/**
 * A consultancy session in the calendars of everyone it concerns, reconciled as the workshops are:
 * the two current leads and the booked slot's facilitator hold it, at its time; anyone who held it
 * and no longer should (the session cancelled, a lead replaced, the facilitator of a time it left)
 * is sent a cancellation; each change is numbered above the last that person received, so booking
 * again after a cancellation is an invitation calendars take. `state` is the session as it stands,
 * read by the caller; `changedBy` is who the emails name.
 */
export async function reconcileSessionCalendars(ports: SessionCalendarPorts, state: ConsultancySessionState, changedBy: string): Promise<void> {
  const { area, session, booking, bookedSlot, slots } = state;
  const { areaId } = area;
  const key = sessionKey(session);
  const booked = booking?.status === 'booked' ? bookedSlot : undefined;
  const events = booked ? { [key]: { startsAt: booked.startsAt, endsAt: booked.endsAt, location: booked.where, ref: booked.slotId } } : {};
  const expected = booked ? sessionRecipients(state.leads, booked) : [];
  const calendars = await ports.calendars.ofArea(areaId);
  const holders = calendars.filter((calendar) => calendar.entries[key]?.status === 'confirmed' && !expected.some((to) => to.key === calendar.personKey));
  const people: Recipient[] = [
    ...expected,
    ...holders.flatMap((calendar) => (calendar.recipient ? [{ key: calendar.personKey, ...calendar.recipient }] : [])),
  ];
  const slotOf = (ref: string | undefined) => slots.find((slot) => slot.slotId === ref);
  // Each email due now goes from the table's stream once its calendar is stored.
  await Promise.all(
    people.map((to) =>
      reconcilePerson(ports, area, session, to, events, expected.some((one) => one.key === to.key), {
        changedBy,
        cancelled: !booked,
        slotOf,
        isLead: state.leads.some((lead) => lead.key === to.key),
      }),
    ),
  );
}

/**
 * What follows a session booked, moved or cancelled, acted on from its announcement: a booking stops
 * the reminders to book (the leads' and the programme team's), then every calendar the session
 * concerns follows it as it now stands (a later change's announcement finds nothing left to change).
 */
export async function sessionChangeFollows(ports: SessionCalendarPorts, changed: Extract<Announcement, { kind: 'session-changed' }>): Promise<void> {
  const state = await consultancyState(ports, changed.areaId, changed.session);
  const { area, leads } = state;
  if (changed.booked) {
    await Promise.all([...leads.map((lead) => lead.key), 'staff'].map((key) => ports.outbox.cancel(consultancyEmails.notBookedId(area, changed.session, key))));
  }
  // A lead is named as they are now known (after an erasure, by the pseudonym).
  const changedBy = 'staff' in changed.changedBy ? changed.changedBy.staff : (leads.find((lead) => lead.key === (changed.changedBy as { lead: string }).lead)?.name ?? 'A lead');
  await reconcileSessionCalendars(ports, state, changedBy);
}

interface Wording {
  changedBy: string;
  cancelled: boolean;
  slotOf: (ref: string | undefined) => ConsultancySlot | undefined;
  /** A current lead of the area: their emails carry a link of their own to the booking page. */
  isLead: boolean;
}

function reconcilePerson(
  ports: SessionCalendarPorts,
  area: Area,
  session: SessionNumber,
  to: Recipient,
  events: Record<string, { startsAt: string; endsAt: string; location: string; ref: string }>,
  wanted: boolean,
  wording: Wording,
): Promise<EmailToSend[]> {
  const key = sessionKey(session);
  return reconcilePersonCalendar(
    ports,
    {
      areaId: area.areaId,
      personKey: to.key,
      recipient: { name: to.name, email: to.email },
      events,
      wanted: () => wanted,
      inScope: (candidate) => candidate === key,
      withdrawReminders: (change) => withdrawSessionReminders(ports, area, session, change.previous!.sequence, [to]),
      emailsFor: (change) => emailsFor(ports, area, session, to, change, wording),
    },
    'The session calendar',
  );
}

function emailsFor(ports: SessionCalendarPorts, area: Area, session: SessionNumber, to: Recipient, change: CalendarChange, wording: Wording): EmailToSend[] {
  const { mailFrom } = ports.settings;
  const url = ports.links.openAreas();
  const slot = wording.slotOf(change.entry.ref);
  if (!slot) return [];
  // A lead's own link to the booking page, stored with the email that carries it: to move or cancel, or book again.
  const own = wording.isLead
    ? newEmailedLink(ports, { purpose: 'consultancy', areaId: area.areaId, applicationId: to.key, expiresAt: daysAfter(ports.clock.now(), consultancyRules.linkDays), details: { session } })
    : undefined;
  const manage = own ? { leadUrl: own.url } : { programmeUrl: url };
  const withLink = (email: OutboundEmail): EmailToSend => (own ? { email, link: own.link } : { email });
  if (change.kind === 'cancel') {
    return [
      wording.cancelled
        ? withLink(consultancyEmails.cancellation(area, session, slot, change.sequence, to, wording.changedBy, mailFrom, manage))
        : { email: consultancyEmails.removed(area, session, slot, change.sequence, to, mailFrom, url) },
    ];
  }
  const kind = change.kind === 'update' ? 'moved' : change.previous ? 'booked-again' : 'booked';
  const now = ports.clock.now().getTime();
  return [
    withLink(consultancyEmails.confirmation(area, session, slot, { sequence: change.sequence, change: kind }, to, wording.changedBy, mailFrom, manage)),
    ...reminderTimes(slot)
      .filter((reminder) => Date.parse(reminder.at) > now)
      .map((reminder) => ({ email: consultancyEmails.reminder(area, session, slot, change.sequence, reminder, to, url) })),
  ];
}
