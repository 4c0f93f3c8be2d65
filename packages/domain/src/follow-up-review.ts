import type { ConsultancySession, FollowUpAnswer, FollowUpReview, SessionNumber } from './consultancy';
import { ValidationError, type FieldError } from './errors';
import { ukInstantFrom } from './uk-time';

/** The numbers of the full group's follow-up review after consultancy session two. */
export const followUpRules = {
  /** A participant's follow-up link, asking for dates and then for attendance, lasts this long. */
  linkDays: 180,
  /** Staff propose at least this many dates; the dates after these are optional. */
  fewestDates: 2,
  mostDates: 3,
  /** The UK times each proposed date's form suggests until staff say otherwise. */
  defaultStartTime: '10:00',
  defaultEndTime: '12:30',
};

export type FollowUpRules = typeof followUpRules;

/** One proposed date as the staff form posts it: a UK date with its start and end times. */
export interface ProposedDate {
  date: string;
  start: string;
  end: string;
}

/** The options the staff form proposes, in UK time, in order; a ValidationError names each date to correct. */
export function followUpOptions(dates: readonly ProposedDate[], rules: FollowUpRules = followUpRules): { startsAt: Date; endsAt: Date }[] {
  const options: { startsAt: Date; endsAt: Date }[] = [];
  const problems: FieldError[] = [];
  dates.forEach((proposed, index) => {
    const n = index + 1;
    if (n > rules.fewestDates && !proposed.date.trim()) return;
    const startsAt = ukInstantFrom(proposed.date, proposed.start);
    const endsAt = ukInstantFrom(proposed.date, proposed.end);
    if (!startsAt || !endsAt || endsAt <= startsAt) problems.push({ field: `follow-up-${n}-date`, message: `Enter date ${n} with its start and end times` });
    else options.push({ startsAt, endsAt });
  });
  if (problems.length > 0) throw new ValidationError(problems);
  return options;
}

/** The follow-up review is proposed once consultancy session two has taken place. */
export function followUpProposable(sessions: Partial<Record<SessionNumber, Pick<ConsultancySession, 'heldAt'>>>): boolean {
  return Boolean(sessions[2]?.heldAt);
}

/** Why the follow-up review cannot be proposed: before session two took place, with too few or too many dates, or no venue. */
export function followUpProposalProblem(
  sessions: Partial<Record<SessionNumber, ConsultancySession>>,
  optionCount: number,
  venue: string,
  rules: FollowUpRules = followUpRules,
): FieldError | undefined {
  if (!followUpProposable(sessions)) return { field: 'follow-up-1-date', message: 'Propose the follow-up review once consultancy session two has taken place' };
  if (optionCount < rules.fewestDates || optionCount > rules.mostDates) return { field: 'follow-up-1-date', message: 'Propose two or three dates' };
  if (!venue.trim()) return { field: 'follow-up-venue', message: 'Enter the venue' };
  return undefined;
}

/**
 * A participant's answer from their follow-up page: until a date is confirmed, which proposed dates
 * suit them (unknown ones ignored); once it is, whether they will attend. What they answered at the
 * other stage is kept.
 */
export function followUpAnswerFrom(
  review: FollowUpReview,
  previous: FollowUpAnswer | undefined,
  applicationId: string,
  posted: { available: readonly string[]; attending: string },
): FollowUpAnswer {
  const confirmed = Boolean(review.confirmedOptionId);
  const known = new Set(review.options.map((option) => option.optionId));
  const attending = confirmed && (posted.attending === 'yes' || posted.attending === 'no') ? posted.attending === 'yes' : previous?.attending;
  return {
    applicationId,
    answeredDates: confirmed ? (previous?.answeredDates ?? false) : true,
    available: confirmed ? (previous?.available ?? []) : posted.available.filter((id) => known.has(id)),
    ...(attending !== undefined ? { attending } : {}),
  };
}

/** How the participants have answered the follow-up review so far. */
export interface FollowUpTally {
  answered: number;
  /** Each proposed date, in the order proposed, with how many can make it. */
  options: (FollowUpReview['options'][number] & { canMake: number })[];
  /** Once a date is confirmed: how many will attend it, and how many cannot. */
  attending: number;
  declining: number;
}

export function followUpTally(review: FollowUpReview, answers: readonly FollowUpAnswer[]): FollowUpTally {
  return {
    // Who said which dates suit them: an answer to the invitation to the confirmed date is not one.
    answered: answers.filter((answer) => answer.answeredDates).length,
    options: review.options.map((option) => ({ ...option, canMake: answers.filter((answer) => answer.available.includes(option.optionId)).length })),
    attending: answers.filter((answer) => answer.attending === true).length,
    declining: answers.filter((answer) => answer.attending === false).length,
  };
}

/** Fewer than half the group answering is too few to go by without a second look. */
export function fewHaveAnswered(answered: number, groupSize: number): boolean {
  return answered * 2 < groupSize;
}

/** The date most participants can make; on a tie, the earliest. */
export function bestFollowUpOption(review: FollowUpReview, answers: readonly FollowUpAnswer[]): { optionId: string; count: number } | undefined {
  const counted = followUpTally(review, answers).options.sort((a, b) => b.canMake - a.canMake || a.startsAt.localeCompare(b.startsAt));
  const best = counted[0];
  return best ? { optionId: best.optionId, count: best.canMake } : undefined;
}
