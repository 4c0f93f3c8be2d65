import { actionPlanLibraryOf, libraryFilterFrom, type ActionPlanLibrary, type Ports } from '@pip/domain';

/**
 * The library of action plans: every shared objective of every agreed plan, by theme, with its
 * region and latest progress, narrowed to a theme or a region. Plans come from the library's index
 * in one query (one region's part of it when filtered by region); then each listed area's progress
 * reviews are one query each, in parallel: at most one per area of the programme (about fifty).
 */
export async function actionPlanLibrary(ports: Pick<Ports, 'actionPlans' | 'progressReviews'>, filter: { theme?: string; region?: string }): Promise<ActionPlanLibrary> {
  const asked = libraryFilterFrom(filter);
  const plans = await ports.actionPlans.shared(asked.regionId);
  const withReviews = await Promise.all(plans.map(async ({ plan, regionId }) => ({ plan, regionId, reviews: await ports.progressReviews.list(plan.areaId) })));
  return actionPlanLibraryOf(withReviews, asked);
}
