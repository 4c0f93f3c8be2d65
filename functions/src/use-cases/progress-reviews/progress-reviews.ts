import { inOccasionOrder, type Ports, type ProgressReviews } from '@pip/domain';

/** An area's action plan and its progress reviews so far, in programme order. */
export async function progressReviews(ports: Pick<Ports, 'areas' | 'actionPlans' | 'progressReviews'>, areaId: string): Promise<ProgressReviews> {
  const [area, plan, reviews] = await Promise.all([ports.areas.existing(areaId), ports.actionPlans.get(areaId), ports.progressReviews.list(areaId)]);
  return { area, plan, reviews: inOccasionOrder(reviews) };
}
