import type { ConsultancySessionState, SessionNumber } from './consultancy';
import { ValidationError } from './errors';

/** What staff remind people of who have not answered: dates for the follow-up review, the evaluation, booking a consultancy session. */
export type ReminderKind = 'follow-up' | 'evaluation' | `consultancy-${SessionNumber}`;

/**
 * One round of reminders, sent by staff from one confirmation page. The round's id comes from that
 * page's form, so the same confirmation posted twice (a double click, a retry) is one round: each
 * person is reminded once, and the round is recorded once.
 */
export interface ReminderRound {
  areaId: string;
  kind: ReminderKind;
  roundId: string;
  at: string;
  by: string;
  /** Who was reminded, by name, as they were named then. */
  reminded: string[];
}

/** The latest round of each kind, as a staff page shows it: "last reminded on ...". */
export type LatestReminders = Partial<Record<ReminderKind, ReminderRound>>;

/** The audit log's words for a round of each kind. */
export const reminderActions: Record<ReminderKind, string> = {
  'follow-up': 'Reminder sent: follow-up review dates',
  evaluation: 'Reminder sent: evaluation',
  'consultancy-1': 'Reminder sent: book consultancy session 1',
  'consultancy-2': 'Reminder sent: book consultancy session 2',
};

const ROUND_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

/** Where a page shows a refusal to remind, beside the reminder's button. */
export const reminderField = (kind: ReminderKind): string => `reminders-${kind}`;

/** The round a confirmation form names; anything else was not made by our page, and sends nothing. */
export function reminderRoundId(posted: string, kind: ReminderKind): string {
  if (!ROUND_ID.test(posted)) throw ValidationError.of(reminderField(kind), 'The reminder could not be sent from this page. Go back and send it again.');
  return posted;
}

/** The latest round of each kind among these. */
export function latestReminders(rounds: readonly ReminderRound[]): LatestReminders {
  const latest: LatestReminders = {};
  for (const round of rounds) {
    const current = latest[round.kind];
    if (!current || current.at < round.at) latest[round.kind] = round;
  }
  return latest;
}

/** Those of the group who have not answered, in the group's order: the names behind a count. */
export function notAnsweredIn<T extends { applicationId: string }>(group: readonly T[], answered: ReadonlySet<string>): T[] {
  return group.filter((member) => !answered.has(member.applicationId));
}

/**
 * Whether the leads are waiting to book the session, so that a reminder makes sense: it is not
 * booked, and it can be (session two once session one took place).
 */
export function bookingAwaited(states: readonly Pick<ConsultancySessionState, 'session' | 'booking'>[], session: SessionNumber): boolean {
  const state = states.find((candidate) => candidate.session === session);
  if (!state || state.booking?.status === 'booked') return false;
  return session === 1 || Boolean(states.find((candidate) => candidate.session === 1)?.booking?.heldAt);
}
