import {
  areaStageOrder,
  reminderTimes,
  sectors,
  type Application,
  type Area,
  type CalendarChange,
  type DesiredCalendar,
  type EmailToSend,
  type OutboundEmail,
  type Ports,
  type Workshop,
  type WorkshopSchedule,
} from '@pip/domain';
import { briefing, workshopCancellation, workshopInvitation, workshopReminder, workshopReminderId } from '@pip/mail';
import { reconcilePersonCalendar } from '../shared/person-calendar';
import { queueEmails } from '../shared/send-emails';

export type WorkshopEmailPorts = Pick<Ports, 'outbox' | 'clock' | 'settings' | 'links'>;
export type WorkshopCalendarPorts = WorkshopEmailPorts & Pick<Ports, 'calendars' | 'progress' | 'areas' | 'selections' | 'applications' | 'workshops'>;

const workshopKey = (workshop: Pick<Workshop, 'number'>) => `workshop-${workshop.number}`;
const isWorkshopKey = (key: string) => key.startsWith('workshop-');

/** The workshops as a calendar should hold them, by key. */
function workshopEntries(schedule: WorkshopSchedule): DesiredCalendar {
  return Object.fromEntries(schedule.workshops.map((workshop) => [workshopKey(workshop), { startsAt: workshop.startsAt, endsAt: workshop.endsAt, location: workshop.venue.name }]));
}

/** Whether the area's workshop invitations have begun: from the moment the briefing step starts, for good. */
async function invitationsOpen(ports: Pick<Ports, 'progress'>, areaId: string): Promise<boolean> {
  const stage = (await ports.progress.get(areaId))?.stage;
  return stage !== undefined && areaStageOrder.indexOf(stage) >= areaStageOrder.indexOf('delivery');
}

/** The participants in the area's group now: the approved selection's places as they stand. */
export async function currentGroup(ports: Pick<Ports, 'selections' | 'applications'>, areaId: string): Promise<Application[]> {
  const [selection, applications] = await Promise.all([ports.selections.get(areaId), ports.applications.listForArea(areaId)]);
  const members = new Set(selection?.status === 'approved' ? sectors.flatMap((sector) => selection.selected[sector]) : []);
  return applications.filter((application) => members.has(application.applicationId));
}

/** The email that tells the person of one change to their calendar, and the reminders that come with it. */
function emailsFor(ports: WorkshopEmailPorts, area: Area, person: Application, workshop: Workshop, change: CalendarChange): OutboundEmail[] {
  const { mailFrom } = ports.settings;
  const programmeUrl = ports.links.openAreas();
  if (change.kind === 'cancel') return [workshopCancellation(area, person, workshop, change.sequence, mailFrom, programmeUrl)];
  const now = ports.clock.now().getTime();
  return [
    workshopInvitation(area, person, workshop, change.sequence, mailFrom, programmeUrl, change.kind === 'update'),
    ...reminderTimes(workshop)
      .filter((reminder) => Date.parse(reminder.at) > now)
      .map((reminder) => workshopReminder(area, person, workshop, reminder, change.sequence, programmeUrl)),
  ];
}

/** One person's workshop calendar brought to the schedule and their place in the group. */
function reconcilePerson(ports: WorkshopCalendarPorts, area: Area, schedule: WorkshopSchedule, person: Application, member: boolean): Promise<EmailToSend[]> {
  const workshopOf = (change: CalendarChange) => schedule.workshops.find((workshop) => workshopKey(workshop) === change.key)!;
  return reconcilePersonCalendar(
    ports,
    {
      areaId: area.areaId,
      personKey: person.applicationId,
      events: workshopEntries(schedule),
      wanted: () => member,
      inScope: isWorkshopKey,
      withdrawReminders: async (change) => {
        const { sequence } = change.previous!;
        await Promise.all(reminderTimes(change.previous!).map(({ daysBefore }) => ports.outbox.cancel(workshopReminderId(area, person, workshopOf(change), daysBefore, sequence))));
      },
      emailsFor: (change) => emailsFor(ports, area, person, workshopOf(change), change).map((email) => ({ email })),
    },
    'The workshop calendar',
  );
}

/**
 * Every workshop calendar of the area brought to the schedule and the group as they are now: for
 * everyone in the group, and everyone who was ever sent one. Called after any change (the briefing
 * step, a new schedule, a withdrawal, a reserve joining, an undone withdrawal), whenever it lands
 * and however often: the calendars converge, and a change already sent is never sent again.
 */
export async function reconcileWorkshopCalendars(ports: WorkshopCalendarPorts, areaId: string): Promise<{ emailed: number }> {
  const [open, schedule, area] = await Promise.all([invitationsOpen(ports, areaId), ports.workshops.schedule(areaId), ports.areas.get(areaId)]);
  if (!open || !schedule || !area) return { emailed: 0 };
  const [group, calendars, applications] = await Promise.all([currentGroup(ports, areaId), ports.calendars.ofArea(areaId), ports.applications.listForArea(areaId)]);
  const members = new Set(group.map((person) => person.applicationId));
  const concerned = new Set([...members, ...calendars.filter((calendar) => Object.keys(calendar.entries).some(isWorkshopKey)).map((calendar) => calendar.personKey)]);
  const people = applications.filter((application) => concerned.has(application.applicationId));
  const sent = (await Promise.all(people.map((person) => reconcilePerson(ports, area, schedule, person, members.has(person.applicationId))))).flat();
  // Each email due now goes from the table's stream once its calendar is stored.
  return { emailed: sent.length };
}

/** Who a new schedule would email now: everyone in the group once invitations have gone out, otherwise nobody. */
export async function scheduleUpdateRecipients(ports: Pick<Ports, 'progress' | 'selections' | 'applications'>, areaId: string): Promise<Application[]> {
  // The group read beside the stage, in one round trip: it is needed only once invitations have gone out.
  const [open, group] = await Promise.all([invitationsOpen(ports, areaId), currentGroup(ports, areaId)]);
  return open ? group : [];
}

/**
 * Once invitations have gone out, the calendars follow the selection: a participant who leaves has
 * the workshops still to come cancelled, a reserve who takes a place is briefed and invited, and
 * one whose withdrawal staff undo is invited again, above the cancellation they were sent.
 */
export async function invitationsFollowSelection(ports: WorkshopCalendarPorts, areaId: string, change: { joined?: string } = {}): Promise<void> {
  if (change.joined && (await invitationsOpen(ports, areaId))) {
    const [area, schedule, joined] = await Promise.all([
      ports.areas.get(areaId),
      ports.workshops.schedule(areaId),
      ports.applications.listForArea(areaId).then((applications) => applications.find((application) => application.applicationId === change.joined)),
    ]);
    if (area && schedule && joined) await queueEmails(ports, [{ email: briefing(area, joined, schedule.workshops, ports.links.openAreas()) }]);
  }
  await reconcileWorkshopCalendars(ports, areaId);
}
