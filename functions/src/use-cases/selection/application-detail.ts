import {
  NotFoundError,
  notYetReviewedBy,
  reviewsOf,
  toCandidate,
  type ApplicationUnderReview,
  type Ports,
  type Review,
  type UnreachableAddress,
} from '@pip/domain';

export interface ApplicationDetail extends ApplicationUnderReview {
  /** The signed-in reviewer's own review, if they have scored it. */
  mine?: Review;
  /** Set when the platform could not reach the applicant's address. */
  unreachable?: UnreachableAddress;
}

/** One application as a reviewer sees it: the answers, every review, who has not reviewed it, and their own scores. */
export async function applicationDetail(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews' | 'staff' | 'unreachable'>,
  areaId: string,
  applicationId: string,
  reviewerId: string,
): Promise<ApplicationDetail> {
  const [area, applications, areaReviews, staff] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.listForArea(areaId),
    ports.reviews.listForArea(areaId),
    ports.staff.list(),
  ]);
  const application = applications.find((candidate) => candidate.applicationId === applicationId);
  if (!application) throw new NotFoundError('Application');
  const reviews = reviewsOf(applicationId, areaReviews);
  const unreachable = await ports.unreachable.find(application.answers.email);
  const mine = reviews.find((review) => review.staffId === reviewerId);
  return {
    area,
    application,
    candidate: toCandidate(application, reviews),
    reviews,
    notYetReviewed: notYetReviewedBy(staff, reviews),
    ...(mine ? { mine } : {}),
    ...(unreachable ? { unreachable } : {}),
  };
}
