import { dayProblem, isWorkingDay, weekdayOf } from './bank-holidays';
import type { ConsultancySlot } from './consultancy';
import { facilitatorKey, type FacilitatorWorkshop } from './facilitator';
import { ValidationError, type FieldError } from './errors';
import { dateProblem, formatUkDate, fromUkLocalTime, isCalendarDate, isClockTime, shiftUkDays, ukCalendarDaysBetween, ukClockTimeOf, ukDateOf } from './uk-time';
import {
  DEFAULT_WORKSHOP_MINUTES,
  MAX_WEEKS_BETWEEN,
  MIN_WEEKS_BETWEEN,
  WORKSHOPS_PER_AREA,
  defaultHost,
  hasStarted,
  workshopRules,
  type VenueHost,
  type Workshop,
  type WorkshopSchedule,
} from './workshop-schedule';

/** Planning the four workshops as one set: the interval staff choose within the rule, five weeks unless they say. */
export const workshopSetRules = {
  defaultWeeksBetween: 5,
  weekChoices: [4, 5, 6],
} as const;

const ukDay = (instant: string) => ukDateOf(new Date(instant));

/** "Friday 25 December 2026". */
export const dayInWords = (instant: string) => `${weekdayOf(ukDay(instant))} ${formatUkDate(instant)}`;

const withinRule = (previous: string, candidate: string) => {
  const days = ukCalendarDaysBetween(previous, candidate);
  return days >= MIN_WEEKS_BETWEEN * 7 && days <= MAX_WEEKS_BETWEEN * 7;
};

/** How far a date may move to find a working day: further than any run of weekends and bank holidays. */
const SEARCH_DAYS = (MAX_WEEKS_BETWEEN - MIN_WEEKS_BETWEEN) * 7;

/**
 * The working day nearest after `target` (the same UK time of day) that keeps four to six weeks
 * from `previous`; failing that, the nearest before it. Later first: a group told "about five weeks"
 * is better served by a day more than by a day less. With no working day within the rule (only when
 * the target itself is far outside it), the next working day, for the interval check to flag.
 */
export function workingDayNear(target: string, previous?: string): string {
  const fits = (candidate: string) => isWorkingDay(ukDay(candidate)) && (previous === undefined || withinRule(previous, candidate));
  for (let days = 0; days <= SEARCH_DAYS; days += 1) if (fits(shiftUkDays(target, days))) return shiftUkDays(target, days);
  for (let days = 1; days <= SEARCH_DAYS; days += 1) if (fits(shiftUkDays(target, -days))) return shiftUkDays(target, -days);
  for (let days = 1; days <= SEARCH_DAYS; days += 1) if (isWorkingDay(ukDay(shiftUkDays(target, days)))) return shiftUkDays(target, days);
  return target;
}

/** Why a date was moved, for staff to read beside the proposal. */
function movedNote(number: number, target: string, placed: string): string | undefined {
  if (ukDay(target) === ukDay(placed)) return undefined;
  const problem = dayProblem(ukDay(target));
  if (!problem) return `Workshop ${number} on ${dayInWords(target)} would not be ${MIN_WEEKS_BETWEEN} to ${MAX_WEEKS_BETWEEN} weeks after workshop ${number - 1}: proposed for ${dayInWords(placed)} instead.`;
  return `Workshop ${number} would fall ${problem} (${dayInWords(target)}): proposed for ${dayInWords(placed)} instead.`;
}

/** One workshop of a proposed set: when it starts, which sector hosts it, and why its date moved if it did. */
export interface ProposedWorkshop {
  number: number;
  startsAt: string;
  host: VenueHost;
  note?: string;
}

/**
 * Four workshops from a first date (UK, YYYY-MM-DD) and start time, each the chosen number of weeks
 * after the one before (UK calendar days, so a clock change moves nothing), every one moved off
 * weekends and bank holidays while keeping four to six weeks from the one before, the venues
 * alternating between council and voluntary sector premises.
 */
export function proposeWorkshopSet(firstDate: string, weeksBetween: number = workshopSetRules.defaultWeeksBetween, startTime: string = workshopRules.defaultStartTime): ProposedWorkshop[] {
  const proposed: ProposedWorkshop[] = [];
  let previous: string | undefined;
  for (let number = 1; number <= WORKSHOPS_PER_AREA; number += 1) {
    const target = previous === undefined ? fromUkLocalTime(firstDate, startTime).toISOString() : shiftUkDays(previous, weeksBetween * 7);
    const startsAt = workingDayNear(target, previous);
    const note = movedNote(number, target, startsAt);
    proposed.push({ number, startsAt, host: defaultHost(number), ...(note ? { note } : {}) });
    previous = startsAt;
  }
  return proposed;
}

/** What staff give to plan the set, as the programme page's "Plan the four workshops" form posts it. */
export interface WorkshopSetPlan {
  firstDate: string;
  weeksBetween: number;
  startTime: string;
  councilVenue: string;
  voluntarySectorVenue: string;
  facilitators: [string, string];
}

/** The plan the form describes; a date, interval or time that cannot be read is a ValidationError by field. */
export function workshopSetPlanFromForm(form: Readonly<Record<string, string | undefined>>): WorkshopSetPlan {
  const field = (name: string) => (form[`plan-${name}`] ?? '').trim();
  const errors: FieldError[] = [];
  const problem = dateProblem(field('date'), 'the date of the first workshop');
  if (problem) errors.push({ field: 'plan-date', message: problem });
  const weeks = Number(field('weeks') || workshopSetRules.defaultWeeksBetween);
  if (!(workshopSetRules.weekChoices as readonly number[]).includes(weeks)) {
    errors.push({ field: 'plan-weeks', message: `Choose ${MIN_WEEKS_BETWEEN}, 5 or ${MAX_WEEKS_BETWEEN} weeks between workshops` });
  }
  const startTime = field('time') || workshopRules.defaultStartTime;
  if (!isClockTime(startTime)) errors.push({ field: 'plan-time', message: 'Enter the start time, like 09:30' });
  if (errors.length > 0) throw new ValidationError(errors);
  return {
    firstDate: field('date'),
    weeksBetween: weeks,
    startTime,
    councilVenue: field('council-venue'),
    voluntarySectorVenue: field('voluntary-venue'),
    facilitators: [field('facilitators'), field('facilitator-2')],
  };
}

/** The schedule form's fields filled with a proposed set, for staff to adjust and save. */
export function scheduleFormOf(plan: WorkshopSetPlan, proposed: readonly ProposedWorkshop[], minutes: number = DEFAULT_WORKSHOP_MINUTES): Record<string, string> {
  return Object.assign(
    {},
    ...proposed.map((workshop) => {
      const name = (field: string) => `workshop-${workshop.number}-${field}`;
      return {
        [name('date')]: ukDay(workshop.startsAt),
        [name('time')]: ukClockTimeOf(workshop.startsAt),
        [name('minutes')]: String(minutes),
        [name('venue')]: workshop.host === 'council' ? plan.councilVenue : plan.voluntarySectorVenue,
        [name('host')]: workshop.host,
        [name('facilitators')]: plan.facilitators[0],
        [name('facilitator-2')]: plan.facilitators[1],
      };
    }),
  ) as Record<string, string>;
}

/** One workshop moved on the schedule form, and the later ones left where they were. */
export interface WorkshopMove {
  moved: number;
  /** UK calendar days; negative when earlier. */
  days: number;
  later: number[];
}

const postedStart = (form: Readonly<Record<string, string | undefined>>, workshop: Workshop): string | undefined => {
  const date = (form[`workshop-${workshop.number}-date`] ?? '').trim();
  const time = (form[`workshop-${workshop.number}-time`] ?? '').trim();
  if (!isCalendarDate(date)) return undefined;
  return fromUkLocalTime(date, isClockTime(time) ? time : ukClockTimeOf(workshop.startsAt)).toISOString();
};

/**
 * The first workshop still to come whose date the form changes from the saved schedule, with the
 * later ones the form leaves on their saved dates: those staff may want to move by as many days.
 */
export function workshopMoveIn(saved: WorkshopSchedule | undefined, form: Readonly<Record<string, string | undefined>>, now: Date): WorkshopMove | undefined {
  const toCome = (saved?.workshops ?? []).filter((workshop) => !hasStarted(workshop, now));
  const moved = toCome.find((workshop) => {
    const posted = postedStart(form, workshop);
    return posted !== undefined && ukDay(posted) !== ukDay(workshop.startsAt);
  });
  if (!moved) return undefined;
  const later = toCome.filter((workshop) => workshop.number > moved.number && (form[`workshop-${workshop.number}-date`] ?? '').trim() === ukDay(workshop.startsAt));
  if (later.length === 0) return undefined;
  return { moved: moved.number, days: ukCalendarDaysBetween(moved.startsAt, postedStart(form, moved)!), later: later.map((workshop) => workshop.number) };
}

/**
 * The form with the later workshops moved by the same number of days as the one staff moved, each
 * then put on a working day that keeps four to six weeks from the one before; with why any date
 * differs from the plain shift.
 */
export function shiftLaterWorkshops(saved: WorkshopSchedule, form: Readonly<Record<string, string | undefined>>, move: WorkshopMove): { values: Record<string, string>; notes: string[] } {
  const values: Record<string, string> = Object.fromEntries(Object.entries(form).map(([name, value]) => [name, value ?? '']));
  const notes: string[] = [];
  for (const number of move.later) {
    const workshop = saved.workshops.find((candidate) => candidate.number === number)!;
    const before = saved.workshops.find((candidate) => candidate.number === number - 1);
    const previous = before ? postedStart(values, before) : undefined;
    const target = shiftUkDays(postedStart(values, workshop) ?? workshop.startsAt, move.days);
    const placed = workingDayNear(target, previous);
    values[`workshop-${number}-date`] = ukDay(placed);
    const note = movedNote(number, target, placed);
    if (note) notes.push(note);
  }
  return { values, notes };
}

/** "workshops 3 and 4", "workshop 4". */
export function workshopsInWords(numbers: readonly number[]): string {
  if (numbers.length === 1) return `workshop ${numbers[0]}`;
  return `workshops ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** Each facilitator's entry for each workshop of a schedule. */
export function facilitatorWorkshopsOf(schedule: Pick<WorkshopSchedule, 'areaId' | 'workshops'>): FacilitatorWorkshop[] {
  return schedule.workshops.flatMap((workshop) =>
    workshop.facilitators
      .filter((name) => name.trim() !== '')
      .map((facilitator) => ({ areaId: schedule.areaId, workshop: workshop.number, facilitator: facilitator.trim(), startsAt: workshop.startsAt, endsAt: workshop.endsAt })),
  );
}

/** What one facilitator already has on their calendar, in every area. */
export interface FacilitatorCalendar {
  slots: readonly ConsultancySlot[];
  workshops: readonly FacilitatorWorkshop[];
}

const sameUkDay = (a: string, b: string) => ukDay(a) === ukDay(b);

/**
 * A facilitator of a workshop still to come who is booked elsewhere on its UK day (a consultancy
 * slot, or another area's workshop), by field, naming where. A workshop that has taken place is
 * history and is not checked.
 */
export function facilitatorClashes(
  areaId: string,
  workshops: readonly Workshop[],
  calendarOf: (facilitator: string) => FacilitatorCalendar,
  areaNames: Readonly<Record<string, string>>,
  now: Date,
): FieldError[] {
  const named = (otherArea: string) => (otherArea === areaId ? 'this area' : (areaNames[otherArea] ?? otherArea));
  const errors: FieldError[] = [];
  for (const workshop of workshops.filter((candidate) => !hasStarted(candidate, now))) {
    const clashes = workshop.facilitators
      .filter((name) => name.trim() !== '')
      .flatMap((name) => {
        const calendar = calendarOf(facilitatorKey(name));
        const otherWorkshop = calendar.workshops.find((held) => held.areaId !== areaId && sameUkDay(held.startsAt, workshop.startsAt));
        if (otherWorkshop) return [`${name.trim()} runs workshop ${otherWorkshop.workshop} in ${named(otherWorkshop.areaId)} that day`];
        const slot = calendar.slots.find((held) => sameUkDay(held.startsAt, workshop.startsAt));
        return slot ? [`${name.trim()} has a consultancy slot in ${named(slot.areaId)} that day`] : [];
      });
    if (clashes.length > 0) {
      errors.push({
        field: `workshop-${workshop.number}-facilitators`,
        message: `Workshop ${workshop.number} is on ${dayInWords(workshop.startsAt)}: ${clashes.join('; ')}. Choose another facilitator or date`,
      });
    }
  }
  return errors;
}
