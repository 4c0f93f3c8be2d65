import type { AreaSelection } from './area-selection';
import type { FollowUpReview } from './consultancy';
import type { ProgressReview } from './progress-review';
import { retentionDueAt, retentionSchedule, type RetainedRecord, type RetentionRule } from './retention';
import { sectors } from './selection';
import { deliveryEndsAt, type WorkshopSchedule } from './workshop-schedule';

/**
 * Which of an area's applicants are due for the retention schedule's application rules, and from
 * when: pure, so that who is removed, and when, follows from the schedule and the area's dated facts
 * alone. Pseudonymising an application is the one action behind all three rules (and a participant's
 * evaluation answers are de-identified by the same action, at the same time).
 */

/** The rules about a whole application: each applicant falls under exactly one of them, or none yet. */
export type ApplicationRecord = Extract<RetainedRecord, 'unsuccessful-applications' | 'reserve-list' | 'participant-details'>;

/** The dated facts of an area that the application rules count from. */
export interface AreaRetentionFacts {
  selection?: AreaSelection;
  /** When the area's last workshop ended, once its workshops are scheduled. */
  workshopsEndedAt?: string;
  /** When the area's follow-up review took place, once it is confirmed or recorded. */
  followUpReviewAt?: string;
}

/** The facts from the area's records: the approved selection, the workshop schedule and the follow-up review. */
export function areaRetentionFacts(
  selection: AreaSelection | undefined,
  workshops: WorkshopSchedule | undefined,
  followUp: FollowUpReview | undefined,
  progressReviews: readonly ProgressReview[],
): AreaRetentionFacts {
  const workshopsEndedAt = workshops && workshops.workshops.length > 0 ? deliveryEndsAt(workshops) : undefined;
  const confirmed = followUp?.options.find((option) => option.optionId === followUp.confirmedOptionId)?.endsAt;
  const recorded = progressReviews.find((review) => review.occasion === 'follow-up')?.recordedAt;
  // The later of the two: the review took place on its confirmed date, and was certainly over once recorded.
  const followUpReviewAt = [confirmed, recorded].filter((at): at is string => at !== undefined).sort().at(-1);
  return { ...(selection ? { selection } : {}), ...(workshopsEndedAt ? { workshopsEndedAt } : {}), ...(followUpReviewAt ? { followUpReviewAt } : {}) };
}

/** The rule an applicant falls under, the moment it counts from, and when they are due. */
export interface ApplicationRetention {
  applicationId: string;
  record: ApplicationRecord;
  anchoredAt: string;
  dueAt: string;
}

function ruleOf(schedule: readonly RetentionRule[], record: RetainedRecord): RetentionRule {
  const rule = schedule.find((candidate) => candidate.record === record);
  if (!rule) throw new Error(`No retention rule for ${record}`);
  return rule;
}

const latest = (...instants: string[]): string => instants.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

/**
 * The rule one applicant falls under, and from when; undefined while nothing is due for them yet to
 * count from (no approved selection, workshops not yet scheduled, no follow-up review yet), or when the
 * selection knows nothing of them. Whoever holds a place now is a participant, whatever happened before;
 * a reserve (offered a place or still waiting) is kept until the workshops end.
 */
export function applicationRetention(
  facts: AreaRetentionFacts,
  applicationId: string,
  schedule: readonly RetentionRule[] = retentionSchedule,
): ApplicationRetention | undefined {
  const { selection } = facts;
  if (selection?.status !== 'approved' || !selection.approvedAt) return undefined;
  const of = (record: ApplicationRecord, anchoredAt: string | undefined): ApplicationRetention | undefined =>
    anchoredAt === undefined ? undefined : { applicationId, record, anchoredAt, dueAt: retentionDueAt(ruleOf(schedule, record), anchoredAt) };
  const outcome = selection.outcomes?.[applicationId];
  const withdrawn = selection.withdrawn?.includes(applicationId) ?? false;

  if (sectors.some((sector) => selection.selected[sector].includes(applicationId))) return of('participant-details', facts.followUpReviewAt);
  const reserve =
    sectors.some((sector) => selection.reserves?.[sector]?.includes(applicationId) || selection.offered?.[sector] === applicationId) ||
    (outcome?.kind === 'reserve' && !withdrawn && !selection.declined?.includes(applicationId));
  if (reserve) return of('reserve-list', facts.workshopsEndedAt);
  if (withdrawn) {
    const left = (selection.membership ?? []).filter((change) => change.applicationId === applicationId && change.change === 'left').map((change) => change.at);
    return of('unsuccessful-applications', latest(selection.approvedAt, ...left));
  }
  if (selection.declined?.includes(applicationId) || outcome?.kind === 'not-selected') return of('unsuccessful-applications', selection.approvedAt);
  // Selected at approval and neither holding the place nor recorded as withdrawn: kept as a participant would be.
  if (outcome?.kind === 'selected') return of('participant-details', facts.followUpReviewAt);
  return undefined;
}

/**
 * Whether an application's person is already replaced by a pseudonym: erasure gives it an address at
 * a `.invalid` domain, which is reserved (RFC 2606) and so never a person's.
 */
export function isPseudonymised(application: { answers: { email: string } }): boolean {
  return application.answers.email.trim().toLowerCase().endsWith('.invalid');
}

/** An application of the area as the pass sees it: whether its person is already replaced by a pseudonym. */
export interface ApplicationToRetain {
  applicationId: string;
  pseudonymised: boolean;
}

/** The applicants due at `now` and not yet pseudonymised, each with the rule that makes them due. */
export function applicationsDue(
  facts: AreaRetentionFacts,
  applications: readonly ApplicationToRetain[],
  now: Date,
  schedule: readonly RetentionRule[] = retentionSchedule,
): ApplicationRetention[] {
  return applications
    .filter((application) => !application.pseudonymised)
    .map((application) => applicationRetention(facts, application.applicationId, schedule))
    .filter((due): due is ApplicationRetention => due !== undefined && Date.parse(due.dueAt) <= now.getTime());
}

/** The rules a participant's pseudonymisation also honours: their evaluation answers lose their link to them then. */
export const honouredWith: Partial<Record<ApplicationRecord, readonly RetainedRecord[]>> = { 'participant-details': ['evaluation-answers'] };

/** The timeline's words for what one rule did in an area: a count and the rule, never who or what. */
export function retentionSummary(rule: RetentionRule, count: number): { action: string; summary: string } {
  const done = rule.action.charAt(0).toUpperCase() + rule.action.slice(1);
  return {
    action: `${done} under the retention schedule`,
    summary: `${count} ${count === 1 ? 'record' : 'records'} ${rule.action}: ${rule.what}.`,
  };
}
