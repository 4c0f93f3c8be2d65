import {
  ConflictError,
  DEFAULT_WORKSHOP_MINUTES,
  MINUTE,
  ValidationError,
  beyondKnownBankHolidays,
  dayInWords,
  hasStarted,
  proposeWorkshopSet,
  scheduleFormOf,
  shiftLaterWorkshops,
  ukDateOf,
  unknownBankHolidays,
  workshopMinutes,
  workshopMoveIn,
  workshopsFromForm,
  workshopsInWords,
  type FieldError,
  type Workshop,
  type WorkshopSetPlan,
} from '@pip/domain';
import { workshopFacilitatorClashes, type FacilitatorCalendarPorts } from './facilitator-calendars';

/** The schedule form filled for staff to check and save: nothing is saved yet. */
export interface FilledScheduleForm {
  values: Record<string, string>;
  /** Why dates differ from the plain interval, and what the platform cannot know. */
  notes: string[];
  /** What staff must settle before the schedule can be saved: facilitators booked elsewhere, dates outside the rules. */
  errors: FieldError[];
}

/** A date beyond the bank holidays the platform knows, said once for each workshop it concerns. */
const unknownYearNotes = (workshops: readonly Pick<Workshop, 'number' | 'startsAt'>[]) =>
  workshops
    .filter((workshop) => beyondKnownBankHolidays(ukDateOf(new Date(workshop.startsAt))))
    .map((workshop) => `Workshop ${workshop.number} is on ${dayInWords(workshop.startsAt)}: ${unknownBankHolidays}.`);

/**
 * The four workshops proposed from the first date and interval staff chose (off weekends and bank
 * holidays, venues alternating), in the schedule form, with any facilitator booked elsewhere on a
 * proposed day flagged at that workshop. Only before any workshop has taken place: after, staff move
 * the ones to come on the form.
 */
export async function planWorkshopSet(ports: FacilitatorCalendarPorts, areaId: string, plan: WorkshopSetPlan): Promise<FilledScheduleForm> {
  await ports.areas.existing(areaId);
  const now = ports.clock.now();
  const saved = await ports.workshops.schedule(areaId);
  if (saved?.workshops.some((workshop) => hasStarted(workshop, now))) {
    throw new ConflictError('A workshop has taken place, so the set cannot be planned again: change the dates of the workshops to come below.', 'plan-date');
  }
  if (plan.firstDate <= ukDateOf(now)) throw ValidationError.of('plan-date', 'The date of the first workshop must be in the future');
  const proposed = proposeWorkshopSet(plan.firstDate, plan.weeksBetween, plan.startTime);
  const minutes = saved?.workshops[0] ? workshopMinutes(saved.workshops[0]) : DEFAULT_WORKSHOP_MINUTES;
  const workshops: Workshop[] = proposed.map((workshop) => ({
    number: workshop.number,
    startsAt: workshop.startsAt,
    endsAt: new Date(Date.parse(workshop.startsAt) + minutes * MINUTE).toISOString(),
    venue: { name: '', host: workshop.host },
    facilitators: plan.facilitators,
  }));
  return {
    values: scheduleFormOf(plan, proposed, minutes),
    notes: [...proposed.flatMap((workshop) => (workshop.note ? [workshop.note] : [])), ...unknownYearNotes(workshops)],
    errors: await workshopFacilitatorClashes(ports, areaId, workshops),
  };
}

/**
 * Staff moved one workshop on the form: the later ones (still on their saved dates) move by as many
 * days, each then on a working day four to six weeks after the one before, and the whole set is
 * checked again as saving would check it. Nothing is saved.
 */
export async function shiftLaterWorkshopsOnForm(ports: FacilitatorCalendarPorts, areaId: string, form: Record<string, string>): Promise<FilledScheduleForm & { shifted?: string }> {
  await ports.areas.existing(areaId);
  const saved = await ports.workshops.schedule(areaId);
  const move = saved ? workshopMoveIn(saved, form, ports.clock.now()) : undefined;
  if (!saved || !move) return { values: form, notes: ['No workshop was moved from its saved date, so nothing else moved.'], errors: await recheck(ports, areaId, form) };
  const { values, notes } = shiftLaterWorkshops(saved, form, move);
  const days = Math.abs(move.days);
  const shifted = `${workshopsInWords(move.later).replace(/^w/u, 'W')} moved ${days} day${days === 1 ? '' : 's'} ${move.days > 0 ? 'later' : 'earlier'}, as workshop ${move.moved} did.`;
  return { values, notes, errors: await recheck(ports, areaId, values), shifted };
}

/** The whole set checked as saving it would: the schedule's rules, then its facilitators' calendars. */
async function recheck(ports: FacilitatorCalendarPorts, areaId: string, values: Record<string, string>): Promise<FieldError[]> {
  try {
    return await workshopFacilitatorClashes(ports, areaId, workshopsFromForm(values).workshops);
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
}
