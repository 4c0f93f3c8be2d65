import {
  ConflictError,
  LOST_RACE,
  ValidationError,
  heldWorkshopChanges,
  takeTurns,
  type Actor,
  type Area,
  type Ports,
  type ProposedSchedule,
  type StepDoneWith,
  type WorkshopSchedule,
} from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { workshopFacilitatorCheck, type FacilitatorCalendarPorts } from './facilitator-calendars';
import { changedWorkshops, type ScheduleUpdatePreview } from './schedule-preview';
import { scheduleUpdateRecipients } from './workshop-invitations';

export type ScheduleWorkshopsPorts = FacilitatorCalendarPorts &
  Pick<Ports, 'workshops' | 'visits' | 'staffSteps' | 'workflow' | 'announcements' | 'clock' | 'progress' | 'selections' | 'applications'>;

/** Saved; or, asked to show first what saving would send, the page's facts. */
export type ScheduleDecision = { saved: WorkshopSchedule } | { toConfirm: ScheduleUpdatePreview & { area: Area } };

const changedMeanwhile = () =>
  new ConflictError('Someone else changed the schedule while you were editing it. Nothing you sent was saved; check it and try again.', 'workshops');

/**
 * Staff schedule the four workshops, or move them. The schedule is saved only over the one they
 * edited (`expectedSequence`, -1 for none yet), only if it leaves every workshop that has taken
 * place as it was, and only if no facilitator of a workshop still to come is booked elsewhere that
 * day: each facilitator's calendar then holds the workshops. Saved with its audit entry and an
 * announcement, in one transaction: once invitations have gone out, the table's stream sends the
 * participants their calendar updates and moves their reminders, even if this request stops right
 * after the write. With the visit recorded too, preparation is done in the same write.
 */
export async function scheduleWorkshops(
  ports: ScheduleWorkshopsPorts,
  areaId: string,
  actor: Actor,
  proposed: ProposedSchedule,
  expectedSequence: number,
): Promise<WorkshopSchedule> {
  const decided = await decideSchedule(ports, areaId, actor, proposed, expectedSequence, false);
  if (!('saved' in decided)) throw new Error('A confirmed schedule is saved or refused');
  return decided.saved;
}

/**
 * As `scheduleWorkshops`, but once invitations have gone out (saving would email the group calendar
 * updates) nothing is saved: staff are shown who would be emailed and what changes, to confirm.
 * Refused for the same reasons saving would be, so staff are not asked to confirm what cannot be done.
 */
export function scheduleOrAskFirst(ports: ScheduleWorkshopsPorts, areaId: string, actor: Actor, proposed: ProposedSchedule, expectedSequence: number): Promise<ScheduleDecision> {
  return decideSchedule(ports, areaId, actor, proposed, expectedSequence, true);
}

/**
 * Everything the decision needs is read in one round trip (the schedule, the facilitators' calendars,
 * the visit and the preparation step, and, to ask first, the group and the area), then written in one.
 */
async function decideSchedule(
  ports: ScheduleWorkshopsPorts,
  areaId: string,
  actor: Actor,
  proposed: ProposedSchedule,
  expectedSequence: number,
  askFirst: boolean,
): Promise<ScheduleDecision> {
  const schedule: WorkshopSchedule = {
    areaId,
    workshops: proposed.workshops,
    ...(proposed.intervalOverride ? { intervalOverride: proposed.intervalOverride } : {}),
    sequence: expectedSequence + 1,
  };
  const overridden = schedule.intervalOverride
    ? ` Dates kept outside the rules: ${[...proposed.intervalBreaches, ...proposed.dayBreaches].join(' ')} Reason: ${schedule.intervalOverride}`
    : '';
  let answerWorkflow: string | undefined;
  const decided = await takeTurns(
    async (): Promise<ScheduleDecision | typeof LOST_RACE> => {
      const [current, check, visit, preparationDone, heldToken, toAsk] = await Promise.all([
        ports.workshops.schedule(areaId),
        workshopFacilitatorCheck(ports, areaId, proposed.workshops),
        ports.visits.get(areaId),
        ports.staffSteps.isDone(areaId, 'preparation'),
        ports.staffSteps.heldToken(areaId, 'preparation'),
        askFirst ? Promise.all([scheduleUpdateRecipients(ports, areaId), ports.areas.existing(areaId)]) : undefined,
      ]);
      const now = ports.clock.now();
      const [changesToHistory] = heldWorkshopChanges(current, proposed.workshops, now);
      if (changesToHistory) throw new ConflictError(changesToHistory.message, changesToHistory.field);
      if ((current?.sequence ?? -1) !== expectedSequence) throw changedMeanwhile();
      if (check.errors.length > 0) throw new ValidationError(check.errors);
      const [recipients, area] = toAsk ?? [[], undefined];
      if (area && recipients.length > 0) {
        return { toConfirm: { area, recipients: recipients.map((participant) => participant.answers.fullName), changed: changedWorkshops(current, proposed.workshops, now) } };
      }
      const audit = auditEntry(ports.clock, areaId, actor, current ? 'Workshops rescheduled' : 'Workshops scheduled', `Four workshops scheduled.${overridden}`, current?.workshops, schedule.workshops);
      // With the visit recorded, the schedule completes preparation: its done mark goes in the same write.
      const stepDone: StepDoneWith | undefined = visit && !preparationDone ? { step: 'preparation', by: actor.name, at: now.toISOString(), heldToken } : undefined;
      // With its audit entry and announcement: the table's stream brings every workshop calendar of the area to it.
      const announcement = { kind: 'workshops-scheduled', areaId, sequence: schedule.sequence } as const;
      if (await ports.announcements.workshopsScheduled(schedule, expectedSequence, check.calendarVersions, audit, announcement, { previous: current, ...(stepDone ? { stepDone } : {}), noVisitYet: !visit })) {
        answerWorkflow = stepDone?.heldToken;
        return { saved: schedule };
      }
      // Refused: the schedule moved on (tell the person), or a facilitator's calendar or the preparation step did (decide again).
      if (((await ports.workshops.schedule(areaId))?.sequence ?? -1) !== expectedSequence) throw changedMeanwhile();
      return LOST_RACE;
    },
    () => ValidationError.of('workshops', 'The facilitators’ calendars kept changing while the schedule was saved; try again'),
  );
  // The workflow waiting at preparation goes on; one that begins waiting later finds the step done.
  if (answerWorkflow) await ports.workflow.continue(answerWorkflow);
  return decided;
}
