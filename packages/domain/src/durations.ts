/** Lengths of time in milliseconds, for rules written in minutes, hours, days and weeks. */
export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** The instant `days` days after `from`, as an ISO string (days of 24 hours, as links and reminders count them). */
export function daysAfter(from: Date, days: number): string {
  return new Date(from.getTime() + days * DAY).toISOString();
}
