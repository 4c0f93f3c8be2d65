import {
  NotFoundError,
  conflictsOfInterest,
  independenceOfReviews,
  notYetReviewedBy,
  reviewsOf,
  toCandidate,
  type ApplicationUnderReview,
  type ConflictOfInterest,
  type Ports,
  type Review,
  type UnreachableAddress,
} from '@pip/domain';

export interface ApplicationDetail extends ApplicationUnderReview {
  /** The signed-in reviewer's own review, if they have scored it. */
  mine?: Review;
  /** Set when the platform could not reach the applicant's address. */
  unreachable?: UnreachableAddress;
  /** Why the signed-in reviewer may not review this application; empty when they may. */
  myConflicts: ConflictOfInterest[];
  /** Reviews that do not count towards the mean score, by reviewer: why not, after their name ("is connected to Leeds"). */
  notIndependent: Record<string, string>;
  /** How many reviews the mean score rests on. */
  independentReviewCount: number;
}

/**
 * One application as a reviewer sees it: the answers, every review (marked when its reviewer has a
 * conflict of interest now), the mean of the independent ones, who has not reviewed it, and the
 * reviewer's own scores or why they may not give any.
 */
export async function applicationDetail(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews' | 'staff' | 'unreachable' | 'staffConnections' | 'declaredConflicts'>,
  areaId: string,
  applicationId: string,
  reviewerId: string,
): Promise<ApplicationDetail> {
  const [area, applications, applicationReviews, staff, connections, declared] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.listForArea(areaId),
    ports.reviews.listForApplication(areaId, applicationId),
    ports.staff.list(),
    ports.staffConnections.list(),
    ports.declaredConflicts.listForArea(areaId),
  ]);
  const application = applications.find((candidate) => candidate.applicationId === applicationId);
  if (!application) throw new NotFoundError('Application');
  const reviews = reviewsOf(applicationId, applicationReviews);
  const independence = independenceOfReviews(area, [application], reviews, connections, declared);
  const unreachable = await ports.unreachable.find(application.answers.email);
  const mine = reviews.find((review) => review.staffId === reviewerId);
  return {
    area,
    application,
    candidate: toCandidate(application, independence.independent),
    reviews,
    // Those who may not review it are not waited for.
    notYetReviewed: notYetReviewedBy(staff, reviews).filter(
      (member) => conflictsOfInterest(member.staffId, connections.find((connection) => connection.staffId === member.staffId), declared, application, area).length === 0,
    ),
    myConflicts: conflictsOfInterest(reviewerId, connections.find((connection) => connection.staffId === reviewerId), declared, application, area),
    notIndependent: Object.fromEntries(independence.conflicted.map(({ review, conflicts }) => [review.staffId, conflicts.map((conflict) => conflict.about).join(' and ')])),
    independentReviewCount: independence.independent.length,
    ...(mine ? { mine } : {}),
    ...(unreachable ? { unreachable } : {}),
  };
}
