import { inOccasionOrder, type ActionPlan, type Area, type Ports, type ProgressReview } from '@pip/domain';

/** What staff see of an area's progress reviews: the agreed action plan and the reviews so far, in programme order. */
export interface ProgressReviews {
  area: Area;
  plan: ActionPlan | undefined;
  reviews: ProgressReview[];
}

export async function progressReviews(ports: Pick<Ports, 'areas' | 'actionPlans' | 'progressReviews'>, areaId: string): Promise<ProgressReviews> {
  const [area, plan, reviews] = await Promise.all([ports.areas.existing(areaId), ports.actionPlans.get(areaId), ports.progressReviews.list(areaId)]);
  return { area, plan, reviews: inOccasionOrder(reviews) };
}
