import type { Application } from './application';
import type { Area } from './area';
import { ConflictError } from './errors';
import type { Review } from './review';
import type { DeclaredConflict, StaffConnections } from './staff-profile';

/**
 * Conflicts of interest by rule. A member of staff may not review an applicant when their recorded
 * organisation is the applicant's, when they are recorded as connected to the applicant's area, or
 * when they declared a conflict with that application. A review is independent when its reviewer
 * has no such conflict now: a connection recorded after a review makes the earlier review not
 * independent, and it no longer counts towards the mean score the selection ranks by.
 */

/** How many independent reviews a mean score should rest on before staff rely on it without a second look. */
export const independentReviewRules = { enoughForAMean: 2 } as const;

/**
 * An organisation's name as the rule compares it: letter case, accents, punctuation and spacing
 * ignored, "&" read as "and", a leading "The" dropped. "The Leeds & District CVS" and
 * "leeds and district c.v.s." are the same organisation.
 */
export function organisationMatchKey(name: string): string {
  return name
    .normalize('NFKD')
    // Lower, upper, lower: a case fold, so the capital sharp s (ẞ), the small (ß) and "ss" are one; and
    // the final sigma as any other, as it is final or not only by what stands beside it.
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
    .replace(/ς/gu, 'σ')
    .normalize('NFKD')
    .replace(/&/gu, ' and ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(?:the )+/u, '');
}

/** Whether two organisation names are the same organisation by the rule; a blank name matches nothing. */
export function sameOrganisation(a: string, b: string): boolean {
  const key = organisationMatchKey(a);
  return key !== '' && key === organisationMatchKey(b);
}

export type ConflictKind = 'organisation' | 'area' | 'declared';

/** One reason a member of staff may not review an application, in words for them and for others. */
export interface ConflictOfInterest {
  kind: ConflictKind;
  /** To the staff member: "You work at the same organisation as the applicant (Leeds City Council)". */
  reason: string;
  /** About them, after their name: "works at the same organisation as the applicant (Leeds City Council)". */
  about: string;
}

/** The application as the rule needs it: which one, its area and the applicant's organisation. */
export type ApplicationFacts = Pick<Application, 'areaId' | 'applicationId'> & { answers: Pick<Application['answers'], 'organisation'> };

/** Every reason `staffId` may not review the application, in the rule's order; none when they may. */
export function conflictsOfInterest(
  staffId: string,
  connections: StaffConnections | undefined,
  declared: readonly DeclaredConflict[],
  application: ApplicationFacts,
  area: Pick<Area, 'areaId' | 'name'>,
): ConflictOfInterest[] {
  const conflicts: ConflictOfInterest[] = [];
  const organisation = application.answers.organisation;
  if (connections && sameOrganisation(connections.organisation, organisation)) {
    conflicts.push({
      kind: 'organisation',
      reason: `You work at the same organisation as the applicant (${organisation})`,
      about: `works at the same organisation as the applicant (${organisation})`,
    });
  }
  if (connections?.areaIds.includes(application.areaId)) {
    conflicts.push({ kind: 'area', reason: `You are connected to ${area.name}`, about: `is connected to ${area.name}` });
  }
  for (const declaration of declared) {
    if (declaration.staffId !== staffId || declaration.applicationId !== application.applicationId || declaration.areaId !== application.areaId) continue;
    conflicts.push({ kind: 'declared', reason: `You declared a conflict: ${declaration.reason}`, about: `declared a conflict: ${declaration.reason}` });
  }
  return conflicts;
}

/** The refusal of a review by a member of staff with a conflict of interest, giving every reason. */
export class ConflictOfInterestError extends ConflictError {
  constructor(readonly conflicts: readonly ConflictOfInterest[]) {
    super(`You cannot review this application because of a conflict of interest. ${conflicts.map((conflict) => `${conflict.reason}.`).join(' ')}`, 'your-review');
  }
}

/** A review that does not count, with why. */
export interface ConflictedReview {
  review: Review;
  conflicts: ConflictOfInterest[];
}

/** An area's reviews split by the rule as it stands now: those that count towards mean scores, and those that do not, with why. */
export interface ReviewIndependence {
  independent: Review[];
  conflicted: ConflictedReview[];
  /** Independent reviews by application reference (an application with none is absent). */
  independentCounts: Record<string, number>;
}

/**
 * Splits an area's reviews by their reviewers' conflicts now. A review of an application not in
 * `applications` counts as independent: nothing is known to say otherwise.
 */
export function independenceOfReviews(
  area: Pick<Area, 'areaId' | 'name'>,
  applications: readonly ApplicationFacts[],
  reviews: readonly Review[],
  connections: readonly StaffConnections[],
  declared: readonly DeclaredConflict[],
): ReviewIndependence {
  const byStaff = new Map(connections.map((connection) => [connection.staffId, connection]));
  const byApplication = new Map(applications.map((application) => [application.applicationId, application]));
  const independence: ReviewIndependence = { independent: [], conflicted: [], independentCounts: {} };
  for (const review of reviews) {
    const application = byApplication.get(review.applicationId);
    const conflicts = application ? conflictsOfInterest(review.staffId, byStaff.get(review.staffId), declared, application, area) : [];
    if (conflicts.length > 0) {
      independence.conflicted.push({ review, conflicts });
    } else {
      independence.independent.push(review);
      independence.independentCounts[review.applicationId] = (independence.independentCounts[review.applicationId] ?? 0) + 1;
    }
  }
  return independence;
}

/** Whether a mean score rests on fewer independent reviews than it should (and on at least one: no reviews is no mean). */
export function meanRestsOnTooFewReviews(independentCount: number): boolean {
  return independentCount > 0 && independentCount < independentReviewRules.enoughForAMean;
}
