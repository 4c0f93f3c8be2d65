import { HOUR, MINUTE } from './durations';

/**
 * How the outbox keeps trying an email the email service could not take (away, slow, throttling):
 * later and later, at most four hours apart, for as long as the service is away, so that every email
 * goes once it is back, however long the outage. Counting tries lost every email of an outage past
 * about two hours; the team is alerted instead while an email waits (the `emails-waiting` alarm). A
 * message the service can never take is given up at once, and a reminder once its moment passes.
 */
export const deliveryRules = {
  firstRetryAfter: MINUTE,
  /** Each wait doubles, up to this. */
  longestRetryAfter: 4 * HOUR,
} as const;

/** When to try again after `attempts` failed tries: one minute, two, four, ... at most four hours. */
export function nextAttemptAt(attempts: number, now: Date): string {
  const wait = Math.min(deliveryRules.firstRetryAfter * 2 ** Math.max(0, attempts - 1), deliveryRules.longestRetryAfter);
  return new Date(now.getTime() + wait).toISOString();
}

/** Whether the outbox should stop after this failed attempt: only one that can never succeed, however often tried. */
export const shouldGiveUp = (permanent: boolean): boolean => permanent;

/** A timed email (a reminder, a chase) is worth sending only before the moment it is about. */
export const isStale = (email: { notAfter?: string }, now: Date): boolean => email.notAfter !== undefined && email.notAfter <= now.toISOString();
