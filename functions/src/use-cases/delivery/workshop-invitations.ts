import {
  hasStarted,
  reminderTimes,
  sectors,
  timesRejoined,
  type Application,
  type Area,
  type EmailToSend,
  type OutboundEmail,
  type Ports,
  type Workshop,
  type WorkshopSchedule,
} from '@pip/domain';
import { briefing, workshopCancellation, workshopInvitation, workshopReminder, workshopReminderId } from '@pip/mail';
import { queueAndSend } from '../shared/send-emails';

export type WorkshopEmailPorts = Pick<Ports, 'outbox' | 'delivery' | 'clock' | 'settings' | 'links'>;

/** How many times staff have undone each participant's withdrawal. */
export type StintOf = (applicationId: string) => number;

/**
 * The outbox sends a message id once, so each time staff undo a participant's withdrawal their
 * workshop emails from then on are new ones; their first time in the group keeps the plain ids.
 */
const inStint = (email: OutboundEmail, stint: number): OutboundEmail => (stint > 0 ? { ...email, messageId: `${email.messageId}-rejoined-${stint}` } : email);

/** The selected participants of the area's approved selection, and how many times each has rejoined. */
export async function groupWithStints(
  ports: Pick<Ports, 'selections' | 'applications'>,
  areaId: string,
): Promise<{ participants: Application[]; stintOf: StintOf }> {
  const [selection, applications] = await Promise.all([ports.selections.get(areaId), ports.applications.listForArea(areaId)]);
  const ids = new Set(selection?.status === 'approved' ? sectors.flatMap((sector) => selection.selected[sector]) : []);
  return { participants: applications.filter((application) => ids.has(application.applicationId)), stintOf: (id) => timesRejoined(selection, id) };
}

/** Withdraws the reminders held for these participants before these workshops of one schedule. */
async function withdrawReminders(
  ports: Pick<Ports, 'outbox'>,
  area: Area,
  participants: readonly Application[],
  workshops: readonly Workshop[],
  sequence: number,
  stintOf: StintOf,
): Promise<void> {
  const suffix = (id: string) => (stintOf(id) > 0 ? `-rejoined-${stintOf(id)}` : '');
  await Promise.all(
    participants.flatMap((participant) =>
      workshops.flatMap((workshop) =>
        reminderTimes(workshop).map(({ daysBefore }) =>
          ports.outbox.cancel(`${workshopReminderId(area, participant, workshop, daysBefore, sequence)}${suffix(participant.applicationId)}`),
        ),
      ),
    ),
  );
}

/**
 * Each participant's invitation to each workshop, with its calendar file, and the two reminders
 * held until seven days and one day before it. A schedule with a higher sequence is an update:
 * calendars replace the events, and the reminders of the earlier schedule are withdrawn.
 * `calendarSequence` raises the calendar's sequence alone, for an event this person's calendar was told is cancelled.
 */
export async function sendWorkshopEmails(
  ports: WorkshopEmailPorts,
  area: Area,
  participants: readonly Application[],
  schedule: WorkshopSchedule,
  previous?: WorkshopSchedule,
  stintOf: StintOf = () => 0,
  calendarSequence = schedule.sequence,
): Promise<void> {
  const now = ports.clock.now().getTime();
  const programmeUrl = ports.links.openAreas();
  if (previous) await withdrawReminders(ports, area, participants, previous.workshops, previous.sequence, stintOf);
  const emails: EmailToSend[] = participants.flatMap((participant) => {
    const stint = stintOf(participant.applicationId);
    return schedule.workshops.flatMap((workshop) => {
      const invitation = workshopInvitation(area, participant, workshop, calendarSequence, ports.settings.mailFrom, programmeUrl);
      const plainId = workshopInvitation(area, participant, workshop, schedule.sequence, ports.settings.mailFrom, programmeUrl).messageId;
      return [
        { email: inStint({ ...invitation, messageId: plainId }, stint) },
        ...reminderTimes(workshop)
          .filter((reminder) => Date.parse(reminder.at) > now)
          .map((reminder) => ({ email: inStint(workshopReminder(area, participant, workshop, reminder, schedule.sequence, programmeUrl), stint) })),
      ];
    });
  });
  await queueAndSend(ports, emails);
}

/** Once invitations have gone out, a new schedule goes to every participant as a calendar update of the workshops still to come. */
export async function invitationsFollowSchedule(
  ports: WorkshopEmailPorts & Pick<Ports, 'progress' | 'areas' | 'selections' | 'applications'>,
  schedule: WorkshopSchedule,
  previous: WorkshopSchedule | undefined,
): Promise<void> {
  const [progress, area] = await Promise.all([ports.progress.get(schedule.areaId), ports.areas.get(schedule.areaId)]);
  if (progress?.stage !== 'delivery' || !area) return;
  const { participants, stintOf } = await groupWithStints(ports, schedule.areaId);
  // A workshop that has taken place cannot change, so only those still to come are sent again.
  const now = ports.clock.now();
  const toCome = { ...schedule, workshops: schedule.workshops.filter((workshop) => !hasStarted(workshop, now)) };
  await sendWorkshopEmails(ports, area, participants, toCome, previous, stintOf);
}

/** Who a new schedule would email now: every participant once invitations have gone out, otherwise nobody. */
export async function scheduleUpdateRecipients(ports: Pick<Ports, 'progress' | 'selections' | 'applications'>, areaId: string): Promise<Application[]> {
  if ((await ports.progress.get(areaId))?.stage !== 'delivery') return [];
  return (await groupWithStints(ports, areaId)).participants;
}

/**
 * Once invitations have gone out, the calendar follows the selection: a participant who withdraws
 * has the workshops still to come cancelled, a reserve who takes the place is briefed and invited,
 * and a participant whose withdrawal staff undo is invited again to the workshops still to come.
 */
export async function invitationsFollowSelection(
  ports: Pick<Ports, 'progress' | 'workshops' | 'areas' | 'applications' | 'selections' | 'outbox' | 'delivery' | 'clock' | 'settings' | 'links'>,
  areaId: string,
  change: { left?: string; joined?: string; rejoined?: string },
): Promise<void> {
  const [progress, schedule, area, applications, selection] = await Promise.all([
    ports.progress.get(areaId),
    ports.workshops.schedule(areaId),
    ports.areas.get(areaId),
    ports.applications.listForArea(areaId),
    ports.selections.get(areaId),
  ]);
  if (progress?.stage !== 'delivery' || !schedule || !area) return;
  const now = ports.clock.now();
  const programmeUrl = ports.links.openAreas();
  const stintOf: StintOf = (id) => timesRejoined(selection, id);
  const toCome = { ...schedule, workshops: schedule.workshops.filter((workshop) => !hasStarted(workshop, now)) };
  const person = (id: string | undefined) => applications.find((application) => application.applicationId === id);
  const left = person(change.left);
  if (left) {
    await withdrawReminders(ports, area, [left], toCome.workshops, schedule.sequence, stintOf);
    const { mailFrom } = ports.settings;
    const cancellation = (workshop: Workshop) => workshopCancellation(area, left, workshop, schedule.sequence, mailFrom, programmeUrl);
    await queueAndSend(ports, toCome.workshops.map((workshop) => ({ email: inStint(cancellation(workshop), stintOf(left.applicationId)) })));
  }
  const joined = person(change.joined);
  if (joined) {
    await queueAndSend(ports, [{ email: briefing(area, joined, schedule.workshops, programmeUrl) }]);
    await sendWorkshopEmails(ports, area, [joined], toCome, undefined, stintOf);
  }
  const rejoined = person(change.rejoined);
  // Their calendar was sent a cancellation one sequence up: the invitation must not be older than it.
  if (rejoined) await sendWorkshopEmails(ports, area, [rejoined], toCome, undefined, stintOf, schedule.sequence + 1);
}
