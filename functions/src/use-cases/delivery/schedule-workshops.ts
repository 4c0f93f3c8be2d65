import { ConflictError, heldWorkshopChanges, type Actor, type Ports, type ProposedSchedule, type WorkshopSchedule } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { completePreparationIfReady, type PreparationPorts } from './complete-preparation';
import { reconcileWorkshopCalendars, type WorkshopCalendarPorts } from './workshop-invitations';

export type ScheduleWorkshopsPorts = PreparationPorts & WorkshopCalendarPorts & Pick<Ports, 'audit'>;

/**
 * Staff schedule the four workshops, or move them. The schedule is saved only over the one they
 * edited (`expectedSequence`, -1 for none yet) and only if it leaves every workshop that has
 * taken place as it was; once invitations have gone out, participants get calendar updates. With the visit recorded too, preparation is done.
 */
export async function scheduleWorkshops(
  ports: ScheduleWorkshopsPorts,
  areaId: string,
  actor: Actor,
  proposed: ProposedSchedule,
  expectedSequence: number,
): Promise<WorkshopSchedule> {
  const before = await ports.workshops.schedule(areaId);
  const [changesToHistory] = heldWorkshopChanges(before, proposed.workshops, ports.clock.now());
  if (changesToHistory) throw new ConflictError(changesToHistory.message, changesToHistory.field);
  const schedule: WorkshopSchedule = {
    areaId,
    workshops: proposed.workshops,
    ...(proposed.intervalOverride ? { intervalOverride: proposed.intervalOverride } : {}),
    sequence: expectedSequence + 1,
  };
  if (!(await ports.workshops.saveSchedule(schedule, expectedSequence))) {
    throw new ConflictError('Someone else changed the schedule while you were editing it. Nothing you sent was saved; check it and try again.', 'workshops');
  }
  const overridden = schedule.intervalOverride ? ` Interval rule overridden: ${proposed.intervalBreaches.join(' ')} Reason: ${schedule.intervalOverride}` : '';
  await ports.audit.record(
    auditEntry(ports.clock, areaId, actor, before ? 'Workshops rescheduled' : 'Workshops scheduled', `Four workshops scheduled.${overridden}`, before?.workshops, schedule.workshops),
  );
  await reconcileWorkshopCalendars(ports, areaId);
  await completePreparationIfReady(ports, areaId, actor);
  return schedule;
}
