import { MINUTE } from './durations';

/** Programme dates are always shown in UK time, whatever the server's zone. */
const ukDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const ukTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });
const ukClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "5 March 2027" */
export function formatUkDate(instant: Date | string): string {
  return ukDate.format(new Date(instant));
}

/** "11:59pm", GOV.UK style. */
export function formatUkTime(instant: Date | string): string {
  return ukTime.format(new Date(instant)).replace(/\s/gu, '').toLowerCase();
}

/** "11:59pm on 5 March 2027", GOV.UK style. */
export function formatUkDateTime(instant: Date | string): string {
  return `${formatUkTime(instant)} on ${formatUkDate(instant)}`;
}

/** "10:00am to 12:00pm on 16 March 2027"; across midnight (UK time), each end with its own day. */
export function formatUkTimeSpan(startsAt: Date | string, endsAt: Date | string): string {
  if (formatUkDate(startsAt) !== formatUkDate(endsAt)) return `${formatUkDateTime(startsAt)} to ${formatUkDateTime(endsAt)}`;
  return `${formatUkTime(startsAt)} to ${formatUkTime(endsAt)} on ${formatUkDate(startsAt)}`;
}

function londonOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    timeZoneName: 'longOffset',
  }).formatToParts(instant);
  const offset = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/u.exec(offset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The instant of a UK wall-clock date and time, such as "17:00 on 2027-03-28", across both clock
 * changes. A time that does not exist (the hour skipped in March) moves forward by the gap.
 */
export function fromUkLocalTime(date: string, time: string): Date {
  const asIfUtc = new Date(`${date}T${time}:00Z`);
  const firstGuess = new Date(asIfUtc.getTime() - londonOffsetMinutes(asIfUtc) * MINUTE);
  return new Date(asIfUtc.getTime() - londonOffsetMinutes(firstGuess) * MINUTE);
}

/** The UK time of day of an instant as time inputs take it, HH:MM on the 24-hour clock. */
export function ukClockTimeOf(instant: Date | string): string {
  return ukClock.format(new Date(instant));
}

/** The UK calendar date of an instant, as YYYY-MM-DD. */
export function ukDateOf(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** A real calendar date as date inputs post it, YYYY-MM-DD: "2027-02-30" is not one. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * What is wrong with a date from a form, in GOV.UK's words, naming it as `what` ("the date of the
 * visit"): nothing typed, or not a real date (a month 13, 30 February). Undefined when it is fine.
 */
export function dateProblem(text: string | undefined, what: string): string | undefined {
  const value = (text ?? '').trim();
  if (value === '') return `Enter ${what}`;
  if (!isCalendarDate(value)) return `${what.charAt(0).toUpperCase()}${what.slice(1)} must be a real date`;
  return undefined;
}

/** A time of day as time inputs post it, HH:MM on the 24-hour clock. */
export function isClockTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/u.test(text);
}

/** The instant a form's UK date and time fields name, or undefined when either is not one. */
export function ukInstantFrom(date: string | undefined, time: string | undefined): Date | undefined {
  const day = (date ?? '').trim();
  const clock = (time ?? '').trim();
  return isCalendarDate(day) && isClockTime(clock) ? fromUkLocalTime(day, clock) : undefined;
}

const dayNumber = (ukDate: string) => Date.parse(`${ukDate}T00:00:00Z`) / 86_400_000;

/**
 * How many UK calendar days lie from one instant to another: 9:30am on 3 March to 9:30am on 31
 * March is 28, though the clocks went forward between them and only 27 days and 23 hours passed.
 */
export function ukCalendarDaysBetween(from: Date | string, to: Date | string): number {
  return Math.round(dayNumber(ukDateOf(new Date(to))) - dayNumber(ukDateOf(new Date(from))));
}

/** The same UK time of day, `days` calendar days later (earlier when negative), as an ISO string. */
export function shiftUkDays(instant: Date | string, days: number): string {
  const date = new Date(ukDateOf(new Date(instant)) + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() + days);
  return fromUkLocalTime(date.toISOString().slice(0, 10), ukClockTimeOf(instant)).toISOString();
}
