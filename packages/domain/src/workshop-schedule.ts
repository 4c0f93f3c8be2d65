import { MINUTE } from './durations';
import { ValidationError, type FieldError } from './errors';
import { dayProblem, weekdayOf } from './bank-holidays';
import { dateProblem, formatUkDate, fromUkLocalTime, isClockTime, shiftUkDays, ukCalendarDaysBetween, ukDateOf } from './uk-time';

export const WORKSHOPS_PER_AREA = 4;
export const MIN_WEEKS_BETWEEN = 4;
export const MAX_WEEKS_BETWEEN = 6;
/** Half a day: a morning from 9:30 to 1pm, unless staff say otherwise. */
export const DEFAULT_WORKSHOP_MINUTES = 210;

export const workshopRules = {
  /** How long one workshop may run, in minutes: from a short session to a long day. */
  shortestMinutes: 30,
  longestMinutes: 480,
  /** The UK time a workshop starts unless staff say otherwise: the morning of a half day. */
  defaultStartTime: '09:30',
} as const;

export type VenueHost = 'council' | 'voluntary-sector';
export const venueHosts: Record<VenueHost, string> = { council: 'Council premises', 'voluntary-sector': 'Voluntary sector premises' };

/** Where workshop `n` is held unless staff say otherwise: the first in council premises, then alternating between the sectors. */
export function defaultHost(n: number): VenueHost {
  return n % 2 === 1 ? 'council' : 'voluntary-sector';
}

export interface Workshop {
  /** 1 to 4, in date order. */
  number: number;
  startsAt: string;
  endsAt: string;
  venue: { name: string; host: VenueHost };
  facilitators: [string, string];
}

/** The four workshops of an area as staff scheduled them; a calendar update raises `sequence`. */
export interface WorkshopSchedule {
  areaId: string;
  workshops: Workshop[];
  /**
   * Given when staff keep dates outside the rules (an interval outside four to six weeks, a weekend,
   * a bank holiday, a year whose bank holidays are not known); recorded in the audit log.
   */
  intervalOverride?: string;
  sequence: number;
}

export interface ScheduleCheck {
  errors: FieldError[];
  /** Intervals outside the rule; allowed only with an override reason. */
  intervalBreaches: string[];
  /** Workshops on a weekend, a bank holiday or a day whose being a bank holiday is not known; allowed only with the same reason. */
  dayBreaches: string[];
}

/** "1 week", "6 weeks and 1 day", "27 days": an interval as a sentence says it. */
function intervalInWords(days: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  if (weeks === 0) return plural(rest, 'day');
  return rest === 0 ? plural(weeks, 'week') : `${plural(weeks, 'week')} and ${plural(rest, 'day')}`;
}

/**
 * The rules of a workshop schedule: four half-days (or as staff set), each with two different
 * facilitators, venues alternating between council and voluntary sector premises, and four to six
 * weeks between one workshop and the next unless staff give a reason to keep another interval.
 */
export function checkSchedule(workshops: readonly Workshop[], intervalOverride?: string): ScheduleCheck {
  const errors: FieldError[] = [];
  if (workshops.length !== WORKSHOPS_PER_AREA) {
    errors.push({ field: 'workshops', message: `Schedule all ${WORKSHOPS_PER_AREA} workshops` });
    return { errors, intervalBreaches: [], dayBreaches: [] };
  }
  workshops.forEach((workshop, index) => {
    const n = index + 1;
    if (Date.parse(workshop.endsAt) <= Date.parse(workshop.startsAt)) {
      errors.push({ field: `workshop-${n}-minutes`, message: `Workshop ${n} must end after it starts` });
    }
    const [first, second] = workshop.facilitators.map((name) => name.trim());
    if (!first || !second) errors.push({ field: `workshop-${n}-facilitators`, message: `Name two facilitators for workshop ${n}` });
    else if (first.toLowerCase() === second.toLowerCase()) {
      errors.push({ field: `workshop-${n}-facilitators`, message: `Workshop ${n} needs two different facilitators` });
    }
    if (!workshop.venue.name.trim()) errors.push({ field: `workshop-${n}-venue`, message: `Enter the venue of workshop ${n}` });
    const previous = workshops[index - 1];
    if (previous && previous.venue.host === workshop.venue.host) {
      errors.push({
        field: `workshop-${n}-host`,
        message: `Workshop ${n} must be on ${workshop.venue.host === 'council' ? 'voluntary sector' : 'council'} premises: venues alternate between the sectors`,
      });
    }
    if (previous && Date.parse(workshop.startsAt) <= Date.parse(previous.startsAt)) {
      errors.push({ field: `workshop-${n}-date`, message: `Workshop ${n} must come after workshop ${n - 1}` });
    }
  });
  const intervalBreaches: string[] = [];
  for (let index = 1; index < workshops.length; index += 1) {
    // UK calendar days, so that the hour the clocks change never breaks the rule.
    const days = ukCalendarDaysBetween(workshops[index - 1]!.startsAt, workshops[index]!.startsAt);
    if (days > 0 && (days < MIN_WEEKS_BETWEEN * 7 || days > MAX_WEEKS_BETWEEN * 7)) {
      intervalBreaches.push(
        `Workshops ${index} and ${index + 1} are ${intervalInWords(days)} apart; the programme asks for ${MIN_WEEKS_BETWEEN} to ${MAX_WEEKS_BETWEEN} weeks.`,
      );
    }
  }
  if (intervalBreaches.length > 0 && !intervalOverride?.trim()) {
    for (const breach of intervalBreaches) errors.push({ field: 'intervalOverride', message: `${breach} Change the dates, or give a reason to keep them.` });
  }
  // Weekends and bank holidays are warnings, not refusals: the team may know a Saturday suits this
  // group, or the venue is open; the reason they give is kept in the audit log with the schedule.
  const dayBreaches: string[] = [];
  for (const workshop of workshops) {
    const day = ukDateOf(new Date(workshop.startsAt));
    const problem = dayProblem(day);
    if (!problem) continue;
    const breach = `Workshop ${workshop.number} is ${problem} (${weekdayOf(day)} ${formatUkDate(workshop.startsAt)}).`;
    dayBreaches.push(breach);
    if (!intervalOverride?.trim()) errors.push({ field: `workshop-${workshop.number}-date`, message: `${breach} Change the date, or give a reason to keep it.` });
  }
  return { errors, intervalBreaches, dayBreaches };
}

/** Four workshops as staff entered them, checked against the rules; an interval kept outside them carries its reason. */
export interface ProposedSchedule {
  workshops: Workshop[];
  /** Only when an interval or a day breaks the rules: the reason staff gave to keep it. */
  intervalOverride?: string;
  intervalBreaches: string[];
  dayBreaches: string[];
}

const isVenueHost = (text: string): text is VenueHost => Object.hasOwn(venueHosts, text);

/** Every facilitator named on the schedule form, as typed (the form need not be valid): whose calendars its check reads. */
export function facilitatorsNamedOnForm(form: Readonly<Record<string, string | undefined>>): string[] {
  const names: string[] = [];
  for (let n = 1; n <= WORKSHOPS_PER_AREA; n += 1) {
    for (const name of ['facilitators', 'facilitator-2']) {
      const typed = (form[`workshop-${n}-${name}`] ?? '').trim();
      if (typed !== '') names.push(typed);
    }
  }
  return names;
}

/**
 * Reads the four workshops from the schedule form (`workshop-1-date`, `workshop-1-time`, ...),
 * then checks them against the schedule rules. What needs correcting is a ValidationError.
 */
export function workshopsFromForm(form: Readonly<Record<string, string | undefined>>): ProposedSchedule {
  const errors: FieldError[] = [];
  const workshops: Workshop[] = [];
  for (let n = 1; n <= WORKSHOPS_PER_AREA; n += 1) {
    const field = (name: string) => (form[`workshop-${n}-${name}`] ?? '').trim();
    const date = field('date');
    const time = field('time');
    const minutes = Number(field('minutes'));
    const host = field('host');
    const workshopDateProblem = dateProblem(date, `the date of workshop ${n}`);
    if (workshopDateProblem) errors.push({ field: `workshop-${n}-date`, message: workshopDateProblem });
    if (!isClockTime(time)) errors.push({ field: `workshop-${n}-time`, message: `Enter the start time of workshop ${n}, like 09:30` });
    if (!Number.isInteger(minutes) || minutes < workshopRules.shortestMinutes || minutes > workshopRules.longestMinutes) {
      errors.push({ field: `workshop-${n}-minutes`, message: `Enter the length of workshop ${n} in minutes, from ${workshopRules.shortestMinutes} to ${workshopRules.longestMinutes}` });
    }
    if (!isVenueHost(host)) errors.push({ field: `workshop-${n}-host`, message: `Select the premises of workshop ${n}` });
    // Once anything is wrong the rest are only read for their own mistakes: the schedule is not checked.
    if (errors.length > 0 || !isVenueHost(host)) continue;
    const startsAt = fromUkLocalTime(date, time);
    workshops.push({
      number: n,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + minutes * MINUTE).toISOString(),
      venue: { name: field('venue'), host },
      facilitators: [field('facilitators'), field('facilitator-2')],
    });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  const intervalOverride = (form.intervalOverride ?? '').trim() || undefined;
  const check = checkSchedule(workshops, intervalOverride);
  if (check.errors.length > 0) throw new ValidationError(check.errors);
  const breaches = check.intervalBreaches.length + check.dayBreaches.length;
  return {
    workshops,
    ...(breaches > 0 && intervalOverride ? { intervalOverride } : {}),
    intervalBreaches: check.intervalBreaches,
    dayBreaches: check.dayBreaches,
  };
}

/** How long a workshop runs, in minutes. */
export function workshopMinutes(workshop: Pick<Workshop, 'startsAt' | 'endsAt'>): number {
  return (Date.parse(workshop.endsAt) - Date.parse(workshop.startsAt)) / MINUTE;
}

/** A workshop has started, so its attendance can be recorded and it no longer needs invitations. */
export function hasStarted(workshop: Pick<Workshop, 'startsAt'>, now: Date): boolean {
  return Date.parse(workshop.startsAt) <= now.getTime();
}

/** When the last workshop ends: delivery is over and the action plan is due six weeks later. */
export function deliveryEndsAt(schedule: WorkshopSchedule): string {
  return schedule.workshops.reduce((latest, workshop) => (workshop.endsAt > latest ? workshop.endsAt : latest), '');
}

/** Delivery is over once the last workshop has ended. */
export function deliveryOver(schedule: WorkshopSchedule, now: Date): boolean {
  return now.getTime() >= Date.parse(deliveryEndsAt(schedule));
}

export const ACTION_PLAN_WEEKS = 6;

export function actionPlanDueAt(schedule: WorkshopSchedule): string {
  return shiftUkDays(deliveryEndsAt(schedule), ACTION_PLAN_WEEKS * 7);
}

/** Reminders go seven days and one day before each workshop and each consultancy session. */
export const REMINDER_DAYS_BEFORE = [7, 1] as const;

export interface Reminder {
  daysBefore: number;
  at: string;
}

export function reminderTimes(event: { startsAt: string }): Reminder[] {
  return REMINDER_DAYS_BEFORE.map((days) => ({ daysBefore: days, at: shiftUkDays(event.startsAt, -days) }));
}

/** Who came to one workshop, as staff recorded it. */
export interface WorkshopAttendance {
  workshop: number;
  /**
   * Who was in the group on the workshop's date, fixed when attendance is first recorded: later
   * withdrawals and new members never change it.
   */
  members: string[];
  /** Application references of the participants who came. */
  present: string[];
  recordedBy: string;
  recordedAt: string;
}

/** The programme team's visit to an area before its workshops. */
export interface AreaVisit {
  visitedOn: string;
  notes?: string;
  recordedBy: string;
}

/** Notes of a visit are a summary, not a report. */
export const areaVisitRules = { longestNotes: 2000 } as const;

/** The visit as staff recorded it: a real date, and notes if they gave any. What needs correcting is a ValidationError. */
export function recordedVisit(answers: { visitedOn: string; notes: string }, recordedBy: string): AreaVisit {
  const visitedOn = answers.visitedOn.trim();
  const problem = dateProblem(visitedOn, 'the date of the visit');
  if (problem) throw ValidationError.of('visitedOn', problem);
  const notes = answers.notes.trim();
  return { visitedOn, ...(notes ? { notes: notes.slice(0, areaVisitRules.longestNotes) } : {}), recordedBy };
}

/** Whether two workshops are the same event: the same times, venue and facilitators. */
const sameWorkshop = (a: Workshop, b: Workshop) =>
  a.startsAt === b.startsAt && a.endsAt === b.endsAt && a.venue.name === b.venue.name && a.venue.host === b.venue.host && a.facilitators.join('|') === b.facilitators.join('|');

/**
 * A workshop that has started is part of the record: a new schedule keeps it exactly as it was.
 * What a proposed schedule would change of those, by field.
 */
export function heldWorkshopChanges(before: WorkshopSchedule | undefined, proposed: readonly Workshop[], now: Date): FieldError[] {
  return (before?.workshops ?? [])
    .filter((held) => hasStarted(held, now))
    .filter((held) => {
      const after = proposed.find((workshop) => workshop.number === held.number);
      return !after || !sameWorkshop(held, after);
    })
    .map((held) => ({ field: `workshop-${held.number}-date`, message: `Workshop ${held.number} has taken place: it can no longer be moved or changed` }));
}
