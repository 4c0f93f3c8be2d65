import { HOUR, MINUTE } from './durations';

/**
 * How the outbox keeps trying an email the email service refused: an outage of a few hours is
 * ridden out, a message that keeps failing stops and is shown to staff rather than tried forever.
 */
export const deliveryRules = {
  maxAttempts: 8,
  firstRetryAfter: MINUTE,
  /** Each wait doubles, up to this. */
  longestRetryAfter: 4 * HOUR,
} as const;

/** When to try again after `attempts` failed tries: one minute, two, four, ... at most four hours. */
export function nextAttemptAt(attempts: number, now: Date): string {
  const wait = Math.min(deliveryRules.firstRetryAfter * 2 ** Math.max(0, attempts - 1), deliveryRules.longestRetryAfter);
  return new Date(now.getTime() + wait).toISOString();
}

/** Whether the outbox should stop after this failed attempt: the last allowed, or one that can never succeed. */
export const shouldGiveUp = (attempts: number, permanent: boolean): boolean => permanent || attempts >= deliveryRules.maxAttempts;

/** A timed email (a reminder, a chase) is worth sending only before the moment it is about. */
export const isStale = (email: { notAfter?: string }, now: Date): boolean => email.notAfter !== undefined && email.notAfter <= now.toISOString();
