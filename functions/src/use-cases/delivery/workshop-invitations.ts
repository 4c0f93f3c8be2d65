import { hasStarted, reminderTimes, type Application, type Area, type EmailToSend, type Ports, type Workshop, type WorkshopSchedule } from '@pip/domain';
import { briefing, workshopCancellation, workshopInvitation, workshopReminder, workshopReminderId } from '@pip/mail';
import { selectedParticipants } from '../shared/participants';
import { queueAndSend } from '../shared/send-emails';

export type WorkshopEmailPorts = Pick<Ports, 'outbox' | 'delivery' | 'clock' | 'settings' | 'links'>;

/** Withdraws the reminders held for these participants before these workshops of one schedule. */
async function withdrawReminders(ports: Pick<Ports, 'outbox'>, area: Area, participants: readonly Application[], workshops: readonly Workshop[], sequence: number): Promise<void> {
  await Promise.all(
    participants.flatMap((participant) =>
      workshops.flatMap((workshop) => reminderTimes(workshop).map(({ daysBefore }) => ports.outbox.cancel(workshopReminderId(area, participant, workshop, daysBefore, sequence)))),
    ),
  );
}

/**
 * Each participant's invitation to each workshop, with its calendar file, and the two reminders
 * held until seven days and one day before it. A schedule with a higher sequence is an update:
 * calendars replace the events, and the reminders of the earlier schedule are withdrawn.
 */
export async function sendWorkshopEmails(
  ports: WorkshopEmailPorts,
  area: Area,
  participants: readonly Application[],
  schedule: WorkshopSchedule,
  previous?: WorkshopSchedule,
): Promise<void> {
  const now = ports.clock.now().getTime();
  const programmeUrl = ports.links.openAreas();
  if (previous) await withdrawReminders(ports, area, participants, previous.workshops, previous.sequence);
  const emails: EmailToSend[] = participants.flatMap((participant) =>
    schedule.workshops.flatMap((workshop) => [
      { email: workshopInvitation(area, participant, workshop, schedule.sequence, ports.settings.mailFrom, programmeUrl) },
      ...reminderTimes(workshop)
        .filter((reminder) => Date.parse(reminder.at) > now)
        .map((reminder) => ({ email: workshopReminder(area, participant, workshop, reminder, schedule.sequence, programmeUrl) })),
    ]),
  );
  await queueAndSend(ports, emails);
}

/** Once invitations have gone out, a new schedule goes to every participant as a calendar update. */
export async function invitationsFollowSchedule(
  ports: WorkshopEmailPorts & Pick<Ports, 'progress' | 'areas' | 'selections' | 'applications'>,
  schedule: WorkshopSchedule,
  previous: WorkshopSchedule | undefined,
): Promise<void> {
  const [progress, area] = await Promise.all([ports.progress.get(schedule.areaId), ports.areas.get(schedule.areaId)]);
  if (progress?.stage !== 'delivery' || !area) return;
  await sendWorkshopEmails(ports, area, await selectedParticipants(ports, schedule.areaId), schedule, previous);
}

/**
 * Once invitations have gone out, the calendar follows the selection: a participant who withdraws
 * has the workshops still to come cancelled, and a reserve who takes the place is briefed and invited.
 */
export async function invitationsFollowSelection(
  ports: Pick<Ports, 'progress' | 'workshops' | 'areas' | 'applications' | 'outbox' | 'delivery' | 'clock' | 'settings' | 'links'>,
  areaId: string,
  change: { left?: string; joined?: string },
): Promise<void> {
  const [progress, schedule, area, applications] = await Promise.all([
    ports.progress.get(areaId),
    ports.workshops.schedule(areaId),
    ports.areas.get(areaId),
    ports.applications.listForArea(areaId),
  ]);
  if (progress?.stage !== 'delivery' || !schedule || !area) return;
  const now = ports.clock.now();
  const programmeUrl = ports.links.openAreas();
  const toCome = { ...schedule, workshops: schedule.workshops.filter((workshop) => !hasStarted(workshop, now)) };
  const left = applications.find((application) => application.applicationId === change.left);
  if (left) {
    await withdrawReminders(ports, area, [left], toCome.workshops, schedule.sequence);
    await queueAndSend(
      ports,
      toCome.workshops.map((workshop) => ({ email: workshopCancellation(area, left, workshop, schedule.sequence, ports.settings.mailFrom, programmeUrl) })),
    );
  }
  const joined = applications.find((application) => application.applicationId === change.joined);
  if (joined) {
    await queueAndSend(ports, [{ email: briefing(area, joined, schedule.workshops, programmeUrl) }]);
    await sendWorkshopEmails(ports, area, [joined], toCome);
  }
}
