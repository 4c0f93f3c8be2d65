import { ConflictError, LOST_RACE, ValidationError, heldWorkshopChanges, takeTurns, type Actor, type Ports, type ProposedSchedule, type WorkshopSchedule } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { completePreparationIfReady, type PreparationPorts } from './complete-preparation';
import { workshopFacilitatorCheck, type FacilitatorCalendarPorts } from './facilitator-calendars';
import { reconcileWorkshopCalendars, type WorkshopCalendarPorts } from './workshop-invitations';

export type ScheduleWorkshopsPorts = PreparationPorts & WorkshopCalendarPorts & FacilitatorCalendarPorts & Pick<Ports, 'audit'>;

const changedMeanwhile = () =>
  new ConflictError('Someone else changed the schedule while you were editing it. Nothing you sent was saved; check it and try again.', 'workshops');

/**
 * Staff schedule the four workshops, or move them. The schedule is saved only over the one they
 * edited (`expectedSequence`, -1 for none yet), only if it leaves every workshop that has taken
 * place as it was, and only if no facilitator of a workshop still to come is booked elsewhere that
 * day: each facilitator's calendar then holds the workshops. Once invitations have gone out,
 * participants get calendar updates. With the visit recorded too, preparation is done.
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
  const before = await takeTurns(
    async () => {
      const current = await ports.workshops.schedule(areaId);
      const [changesToHistory] = heldWorkshopChanges(current, proposed.workshops, ports.clock.now());
      if (changesToHistory) throw new ConflictError(changesToHistory.message, changesToHistory.field);
      const { errors, calendarVersions } = await workshopFacilitatorCheck(ports, areaId, proposed.workshops);
      if (errors.length > 0) throw new ValidationError(errors);
      if (await ports.workshops.saveSchedule(schedule, expectedSequence, calendarVersions)) return current;
      // Refused: either the schedule moved on (tell the person) or a facilitator's calendar did (check again).
      if (((await ports.workshops.schedule(areaId))?.sequence ?? -1) !== expectedSequence) throw changedMeanwhile();
      return LOST_RACE;
    },
    () => ValidationError.of('workshops', 'The facilitators’ calendars kept changing while the schedule was saved; try again'),
  );
  const overridden = schedule.intervalOverride
    ? ` Dates kept outside the rules: ${[...proposed.intervalBreaches, ...proposed.dayBreaches].join(' ')} Reason: ${schedule.intervalOverride}`
    : '';
  await ports.audit.record(
    auditEntry(ports.clock, areaId, actor, before ? 'Workshops rescheduled' : 'Workshops scheduled', `Four workshops scheduled.${overridden}`, before?.workshops, schedule.workshops),
  );
  await reconcileWorkshopCalendars(ports, areaId);
  await completePreparationIfReady(ports, areaId, actor);
  return schedule;
}
