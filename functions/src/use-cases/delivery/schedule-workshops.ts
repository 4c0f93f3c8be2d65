import { ConflictError, LOST_RACE, ValidationError, heldWorkshopChanges, takeTurns, type Actor, type Ports, type ProposedSchedule, type WorkshopSchedule } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { completePreparationIfReady, type PreparationPorts } from './complete-preparation';
import { workshopFacilitatorCheck, type FacilitatorCalendarPorts } from './facilitator-calendars';

export type ScheduleWorkshopsPorts = PreparationPorts & FacilitatorCalendarPorts & Pick<Ports, 'workshops' | 'announcements' | 'clock'>;

const changedMeanwhile = () =>
  new ConflictError('Someone else changed the schedule while you were editing it. Nothing you sent was saved; check it and try again.', 'workshops');

/**
 * Staff schedule the four workshops, or move them. The schedule is saved only over the one they
 * edited (`expectedSequence`, -1 for none yet), only if it leaves every workshop that has taken
 * place as it was, and only if no facilitator of a workshop still to come is booked elsewhere that
 * day: each facilitator's calendar then holds the workshops. Saved with its audit entry and an
 * announcement, in one transaction: once invitations have gone out, the table's stream sends the
 * participants their calendar updates and moves their reminders, even if this request stops right
 * after the write. With the visit recorded too, preparation is done.
 */
export async function scheduleWorkshops(
  ports: ScheduleWorkshopsPorts,
  areaId: string,
  actor: Actor,
  proposed: ProposedSchedule,
  expectedSequence: number,
): Promise<WorkshopSchedule> {
  const schedule: WorkshopSchedule = {
    areaId,
    workshops: proposed.workshops,
    ...(proposed.intervalOverride ? { intervalOverride: proposed.intervalOverride } : {}),
    sequence: expectedSequence + 1,
  };
  const overridden = schedule.intervalOverride
    ? ` Dates kept outside the rules: ${[...proposed.intervalBreaches, ...proposed.dayBreaches].join(' ')} Reason: ${schedule.intervalOverride}`
    : '';
  await takeTurns(
    async () => {
      const current = await ports.workshops.schedule(areaId);
      const [changesToHistory] = heldWorkshopChanges(current, proposed.workshops, ports.clock.now());
      if (changesToHistory) throw new ConflictError(changesToHistory.message, changesToHistory.field);
      const { errors, calendarVersions } = await workshopFacilitatorCheck(ports, areaId, proposed.workshops);
      if (errors.length > 0) throw new ValidationError(errors);
      const audit = auditEntry(ports.clock, areaId, actor, current ? 'Workshops rescheduled' : 'Workshops scheduled', `Four workshops scheduled.${overridden}`, current?.workshops, schedule.workshops);
      // With its audit entry and announcement: the table's stream brings every workshop calendar of the area to it.
      if (await ports.announcements.workshopsScheduled(schedule, expectedSequence, calendarVersions, audit, { kind: 'workshops-scheduled', areaId, sequence: schedule.sequence })) return current;
      // Refused: either the schedule moved on (tell the person) or a facilitator's calendar did (check again).
      if (((await ports.workshops.schedule(areaId))?.sequence ?? -1) !== expectedSequence) throw changedMeanwhile();
      return LOST_RACE;
    },
    () => ValidationError.of('workshops', 'The facilitators’ calendars kept changing while the schedule was saved; try again'),
  );
  await completePreparationIfReady(ports, areaId, actor);
  return schedule;
}
