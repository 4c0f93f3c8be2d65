import { reminderTimes, sectors, type Application, type Area, type Workshop, type WorkshopSchedule } from '@pip/domain';
import { briefing, workshopCancellation, workshopInvitation, workshopReminder, workshopReminderId } from '@pip/mail';
import { queueAndSend, type EmailToSend } from './send-emails';
import { getPlatform } from './wiring';

/** The selected participants of an approved selection, as they stand after withdrawals and offers. */
export async function selectedParticipants(areaId: string): Promise<Application[]> {
  const platform = getPlatform();
  const [selection, applications] = await Promise.all([platform.selections.get(areaId), platform.applications.listForArea(areaId)]);
  if (selection?.status !== 'approved') return [];
  const ids = new Set(sectors.flatMap((sector) => selection.selected[sector]));
  return applications.filter((application) => ids.has(application.applicationId));
}

/** Withdraws the reminders held for these participants before these workshops of one schedule. */
async function withdrawReminders(area: Area, participants: readonly Application[], workshops: readonly Workshop[], sequence: number): Promise<void> {
  const { outbox } = getPlatform();
  await Promise.all(
    participants.flatMap((participant) =>
      workshops.flatMap((workshop) => reminderTimes(workshop).map(({ daysBefore }) => outbox.cancel(workshopReminderId(area, participant, workshop, daysBefore, sequence)))),
    ),
  );
}

/**
 * Each participant's invitation to each workshop, with its calendar file, and the two reminders
 * held until seven days and one day before it. A schedule with a higher sequence is an update:
 * calendars replace the events, and the reminders of the earlier schedule are withdrawn.
 */
export async function sendWorkshopEmails(area: Area, participants: readonly Application[], schedule: WorkshopSchedule, previous?: WorkshopSchedule): Promise<void> {
  const platform = getPlatform();
  const programmeUrl = `${platform.publicBaseUrl ?? ''}/apply`;
  const now = platform.clock.now().getTime();
  if (previous) await withdrawReminders(area, participants, previous.workshops, previous.sequence);
  const emails: EmailToSend[] = participants.flatMap((participant) =>
    schedule.workshops.flatMap((workshop) => [
      { email: workshopInvitation(area, participant, workshop, schedule.sequence, platform.emailConfig.from, programmeUrl) },
      ...reminderTimes(workshop)
        .filter((reminder) => Date.parse(reminder.at) > now)
        .map((reminder) => ({ email: workshopReminder(area, participant, workshop, reminder, schedule.sequence, programmeUrl) })),
    ]),
  );
  await queueAndSend(emails);
}

/**
 * Once invitations have gone out, the calendar follows the selection: a participant who withdraws
 * has the workshops still to come cancelled, and a reserve who takes the place is briefed and invited.
 */
export async function invitationsFollowSelection(areaId: string, change: { left?: string; joined?: string }): Promise<void> {
  const platform = getPlatform();
  const [progress, schedule, area, applications] = await Promise.all([
    platform.workflow.progress(areaId),
    platform.workflow.workshops(areaId),
    platform.areas.get(areaId),
    platform.applications.listForArea(areaId),
  ]);
  if (progress?.stage !== 'delivery' || !schedule || !area) return;
  const now = platform.clock.now().getTime();
  const toCome = { ...schedule, workshops: schedule.workshops.filter((workshop) => Date.parse(workshop.startsAt) > now) };
  const programmeUrl = `${platform.publicBaseUrl ?? ''}/apply`;
  const left = applications.find((application) => application.applicationId === change.left);
  if (left) {
    await withdrawReminders(area, [left], toCome.workshops, schedule.sequence);
    await queueAndSend(toCome.workshops.map((workshop) => ({ email: workshopCancellation(area, left, workshop, schedule.sequence, platform.emailConfig.from, programmeUrl) })));
  }
  const joined = applications.find((application) => application.applicationId === change.joined);
  if (joined) {
    await queueAndSend([{ email: briefing(area, joined, schedule.workshops, programmeUrl) }]);
    await sendWorkshopEmails(area, [joined], toCome);
  }
}
