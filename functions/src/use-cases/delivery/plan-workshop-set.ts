import {
  ConflictError,
  DEFAULT_WORKSHOP_MINUTES,
  MINUTE,
  ValidationError,
  beyondKnownBankHolidays,
  dayInWords,
  facilitatorsNamedOnForm,
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
  type FacilitatorCalendar,
  type FieldError,
  type Ports,
  type ProgrammeContext,
  type Workshop,
  type WorkshopSetPlan,
} from '@pip/domain';
import { clashesIn, facilitatorCalendars, type FacilitatorCalendarPorts } from './facilitator-calendars';
import { programmeContext, type ProgrammeContextPorts } from './programme-context';

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

export type WorkshopSetPorts = FacilitatorCalendarPorts & ProgrammeContextPorts;

/**
 * The four workshops proposed from the first date and interval staff chose (off weekends and bank
 * holidays, venues alternating), in the schedule form, with any facilitator booked elsewhere on a
 * proposed day flagged at that workshop. Only before any workshop has taken place: after, staff move
 * the ones to come on the form. Read in one round trip with the programme page it is shown on.
 */
export async function planWorkshopSet(ports: WorkshopSetPorts, areaId: string, plan: WorkshopSetPlan): Promise<FilledScheduleForm & { context: ProgrammeContext }> {
  const [context, calendars] = await Promise.all([programmeContext(ports, areaId), facilitatorCalendars(ports, plan.facilitators)]);
  const { now, workshops: saved } = context;
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
    context,
    values: scheduleFormOf(plan, proposed, minutes),
    notes: [...proposed.flatMap((workshop) => (workshop.note ? [workshop.note] : [])), ...unknownYearNotes(workshops)],
    errors: await clashesIn(ports, areaId, workshops, calendars, now),
  };
}

/**
 * Staff moved one workshop on the form: the later ones (still on their saved dates) move by as many
 * days, each then on a working day four to six weeks after the one before, and the whole set is
 * checked again as saving would check it. Nothing is saved. Read in one round trip with the
 * programme page it is shown on (a move changes dates, never facilitators).
 */
export async function shiftLaterWorkshopsOnForm(
  ports: WorkshopSetPorts,
  areaId: string,
  form: Record<string, string>,
): Promise<FilledScheduleForm & { shifted?: string; context: ProgrammeContext }> {
  const [context, calendars] = await Promise.all([programmeContext(ports, areaId), facilitatorCalendars(ports, facilitatorsNamedOnForm(form))]);
  const { now, workshops: saved } = context;
  const recheck = (values: Record<string, string>) => checkedAsSaved(ports, areaId, values, calendars, now);
  const move = saved ? workshopMoveIn(saved, form, now) : undefined;
  if (!saved || !move) return { context, values: form, notes: ['No workshop was moved from its saved date, so nothing else moved.'], errors: await recheck(form) };
  const { values, notes } = shiftLaterWorkshops(saved, form, move);
  const days = Math.abs(move.days);
  const shifted = `${workshopsInWords(move.later).replace(/^w/u, 'W')} moved ${days} day${days === 1 ? '' : 's'} ${move.days > 0 ? 'later' : 'earlier'}, as workshop ${move.moved} did.`;
  return { context, values, notes, errors: await recheck(values), shifted };
}

/** The whole set checked as saving it would: the schedule's rules, then its facilitators' calendars. */
async function checkedAsSaved(
  ports: Pick<Ports, 'areas'>,
  areaId: string,
  values: Record<string, string>,
  calendars: ReadonlyMap<string, FacilitatorCalendar>,
  now: Date,
): Promise<FieldError[]> {
  try {
    return await clashesIn(ports, areaId, workshopsFromForm(values).workshops, calendars, now);
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
}
