import { checkSchedule, dateProblem, fromUkLocalTime, isClockTime, type FieldError, type VenueHost, type Workshop } from '@pip/domain';
import type { FormValues } from './pages/form-fields';

/** Reads the four workshops from the form, then checks them against the schedule rules. */
export function workshopsFromForm(form: FormValues): { workshops: Workshop[]; intervalOverride?: string; intervalBreaches: string[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const workshops: Workshop[] = [];
  for (const n of [1, 2, 3, 4]) {
    const field = (name: string) => (form[`workshop-${n}-${name}`] ?? '').trim();
    const date = field('date');
    const time = field('time');
    const minutes = Number(field('minutes'));
    const workshopDateProblem = dateProblem(date, `the date of workshop ${n}`);
    if (workshopDateProblem) errors.push({ field: `workshop-${n}-date`, message: workshopDateProblem });
    if (!isClockTime(time)) errors.push({ field: `workshop-${n}-time`, message: `Enter the start time of workshop ${n}, like 09:30` });
    if (!Number.isInteger(minutes) || minutes < 30 || minutes > 480) {
      errors.push({ field: `workshop-${n}-minutes`, message: `Enter the length of workshop ${n} in minutes, from 30 to 480` });
    }
    const host = field('host');
    if (host !== 'council' && host !== 'voluntary-sector') errors.push({ field: `workshop-${n}-host`, message: `Select the premises of workshop ${n}` });
    if (errors.length > 0) continue;
    const startsAt = fromUkLocalTime(date, time);
    workshops.push({
      number: n,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
      venue: { name: field('venue'), host: host as VenueHost },
      facilitators: [field('facilitators'), field('facilitator-2')],
    });
  }
  const intervalOverride = (form.intervalOverride ?? '').trim() || undefined;
  if (errors.length > 0) return { workshops, intervalOverride, intervalBreaches: [], errors };
  const check = checkSchedule(workshops, intervalOverride);
  return { workshops, intervalOverride, intervalBreaches: check.intervalBreaches, errors: check.errors };
}
