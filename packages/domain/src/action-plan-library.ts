import { ValidationError } from './errors';
import {
  actionPlanThemes,
  inOccasionOrder,
  isActionPlanTheme,
  objectiveStatuses,
  reviewOccasions,
  type ActionPlan,
  type ActionPlanTheme,
  type ObjectiveStatus,
  type ProgressReview,
  type ReviewOccasion,
} from './progress-review';
import { regionName, regions, type RegionId } from './regions';
import { formatUkDate } from './uk-time';

/**
 * The library of action plans: every shared objective of every agreed plan, by theme and region,
 * with its latest progress. It is anonymised by what it carries: the objective's words (which staff
 * chose to share), its themes, its region and its progress; never the area, a person or a date of
 * agreement that would tell the area.
 */

/** What the library is narrowed to: one theme, one region, or everything. */
export interface LibraryFilter {
  theme?: ActionPlanTheme;
  regionId?: RegionId;
}

/** The filter an address asks for (`theme`, `region`); empty means everything, anything not on the lists is refused by field. */
export function libraryFilterFrom(asked: { theme?: string; region?: string }): LibraryFilter {
  const theme = asked.theme || undefined;
  const region = asked.region || undefined;
  const regionId = regions.find((candidate) => candidate.regionId === region)?.regionId;
  const problems = [
    ...(theme !== undefined && !isActionPlanTheme(theme) ? [{ field: 'theme', message: 'Choose a theme from the list' }] : []),
    ...(region !== undefined && !regionId ? [{ field: 'region', message: 'Choose a region from the list' }] : []),
  ];
  if (problems.length > 0) throw new ValidationError(problems);
  return { ...(theme && isActionPlanTheme(theme) ? { theme } : {}), ...(regionId ? { regionId } : {}) };
}

/** An agreed plan with objectives shared, the region of its area and its progress reviews: what the library is drawn from. */
export interface SharedPlan {
  plan: ActionPlan;
  regionId: RegionId;
  reviews: readonly ProgressReview[];
}

/** An objective's status at the latest review that covered it, and which review that was. */
export interface LatestProgress {
  status: ObjectiveStatus;
  occasion: ReviewOccasion;
  recordedAt: string;
}

/** The status the latest review (in programme order) containing the objective gave it; none if no review has. */
export function latestProgress(objectiveId: string, reviews: readonly ProgressReview[]): LatestProgress | undefined {
  for (const review of inOccasionOrder(reviews).reverse()) {
    const entry = review.objectives.find((objective) => objective.objectiveId === objectiveId);
    if (entry) return { status: entry.status, occasion: review.occasion, recordedAt: review.recordedAt };
  }
  return undefined;
}

/** One shared objective as the library shows it: what it says, its themes, its region and its progress. */
export interface LibraryObjective {
  text: string;
  themes: ActionPlanTheme[];
  regionId: RegionId;
  regionName: string;
  progress: LatestProgress | undefined;
}

export interface LibraryTheme {
  theme: ActionPlanTheme;
  name: string;
  objectives: LibraryObjective[];
}

export interface ActionPlanLibrary {
  filter: LibraryFilter;
  /** Every theme the filter allows, in the themes' order, each with its objectives (an objective of two themes is under both). */
  themes: LibraryTheme[];
  /** How many shared objectives the filter finds, each counted once. */
  objectives: number;
}

const regionOrder = (regionId: RegionId) => regions.findIndex((region) => region.regionId === regionId);
const allThemes = Object.keys(actionPlanThemes) as ActionPlanTheme[];

/** The shared and tagged objectives of the plans, filtered, grouped by theme, in region order then as the plans were agreed. */
export function actionPlanLibraryOf(plans: readonly SharedPlan[], filter: LibraryFilter): ActionPlanLibrary {
  const ordered = [...plans]
    .filter((shared) => !filter.regionId || shared.regionId === filter.regionId)
    .sort((a, b) => regionOrder(a.regionId) - regionOrder(b.regionId) || a.plan.agreedAt.localeCompare(b.plan.agreedAt));
  const objectives: LibraryObjective[] = ordered.flatMap(({ plan, regionId, reviews }) =>
    plan.objectives
      .filter((objective) => objective.shared && (objective.themes ?? []).length > 0)
      .filter((objective) => !filter.theme || objective.themes?.includes(filter.theme))
      .map((objective) => ({
        text: objective.text,
        themes: [...(objective.themes ?? [])],
        regionId,
        regionName: regionName(regionId),
        progress: latestProgress(objective.objectiveId, reviews),
      })),
  );
  const themes = allThemes
    .filter((theme) => !filter.theme || theme === filter.theme)
    .map((theme) => ({ theme, name: actionPlanThemes[theme], objectives: objectives.filter((objective) => objective.themes.includes(theme)) }));
  return { filter, themes, objectives: objectives.length };
}

/** How many shared objectives each theme has: the learning event's summary of its region's library. */
export function libraryThemeCounts(library: ActionPlanLibrary): { theme: ActionPlanTheme; name: string; count: number }[] {
  return library.themes.map(({ theme, name, objectives }) => ({ theme, name, count: objectives.length }));
}

/** The status in words, or that no review has covered the objective yet. */
export const progressText = (progress: LatestProgress | undefined): string => (progress ? objectiveStatuses[progress.status] : 'Not yet reviewed');

/** Which review the status came from, and when it was recorded (UK date); empty if none. */
export const reviewedText = (progress: LatestProgress | undefined): string =>
  progress ? `${reviewOccasions[progress.occasion]}, ${formatUkDate(progress.recordedAt)}` : '';

/** A region's part of the library, as its learning and mentoring event shows it: a count per theme. */
export interface RegionLibrarySummary {
  /** Shared objectives of the region, each counted once. */
  objectives: number;
  themes: { theme: ActionPlanTheme; name: string; count: number }[];
}

export const regionLibrarySummary = (library: ActionPlanLibrary): RegionLibrarySummary => ({ objectives: library.objectives, themes: libraryThemeCounts(library) });
