import type { Area } from './area';
import { ValidationError, type FieldError } from './errors';

/** The themes an action plan covers, by which the library of plans gathers their objectives. */
export const actionPlanThemes = {
  capacity: 'Capacity of partners',
  representation: 'Representation and participation',
  governance: 'Governance',
  funding: 'Funding mechanisms',
  relationships: 'Relationships',
} as const;
export type ActionPlanTheme = keyof typeof actionPlanThemes;
export const isActionPlanTheme = (value: string | undefined): value is ActionPlanTheme => value !== undefined && Object.hasOwn(actionPlanThemes, value);

/**
 * One objective of an action plan. Staff tag it with its themes and choose whether the library
 * shares it; plans agreed before either existed have neither: untagged and not shared.
 */
export interface ActionPlanObjective {
  objectiveId: string;
  text: string;
  themes?: ActionPlanTheme[];
  shared?: boolean;
}

/** The objectives of an area's partnership improvement action plan, as agreed. */
export interface ActionPlan {
  areaId: string;
  objectives: ActionPlanObjective[];
  agreedAt: string;
  agreedBy: string;
  /** Counts the changes to themes and sharing, so two staff cannot overwrite each other's silently; none yet is 0. */
  version?: number;
}

export const objectiveStatuses = { 'not-started': 'Not started', 'under-way': 'Under way', done: 'Done' } as const;
export type ObjectiveStatus = keyof typeof objectiveStatuses;

/** When progress is reviewed: at each consultancy session and at the group's follow-up review. */
export const reviewOccasions = { 'session-1': 'Consultancy session 1', 'session-2': 'Consultancy session 2', 'follow-up': 'Follow-up review' } as const;
export type ReviewOccasion = keyof typeof reviewOccasions;
const occasions = Object.keys(reviewOccasions) as ReviewOccasion[];

/** The occasion a form or an address names; the first session when it names none. */
export function reviewOccasionOf(value: string | undefined): ReviewOccasion {
  return occasions.find((occasion) => occasion === value) ?? 'session-1';
}

/** Reviews in the order their occasions come in the programme. */
export function inOccasionOrder(reviews: readonly ProgressReview[]): ProgressReview[] {
  return [...reviews].sort((a, b) => occasions.indexOf(a.occasion) - occasions.indexOf(b.occasion));
}

export const progressReviewRules = {
  /** A note on one objective. */
  noteCharacters: 1000,
  /** New concerns raised at the review. */
  concernsCharacters: 3000,
};

export interface ProgressReview {
  areaId: string;
  occasion: ReviewOccasion;
  objectives: { objectiveId: string; status: ObjectiveStatus; note?: string }[];
  newConcerns?: string;
  recordedBy: string;
  recordedAt: string;
}

/** What staff see of an area's progress reviews: the agreed action plan and the reviews so far, in programme order. */
export interface ProgressReviews {
  area: Area;
  plan: ActionPlan | undefined;
  reviews: ProgressReview[];
}

/** The objectives of an action plan from what staff typed: one per line, blank lines ignored. */
export function objectivesFromText(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/u, '').trim())
    .filter(Boolean);
}

const isObjectiveStatus = (value: string | undefined): value is ObjectiveStatus => value !== undefined && value in objectiveStatuses;

/** A progress review needs a status for every objective of the plan; notes and concerns are optional. */
export function progressReviewProblems(plan: ActionPlan, statuses: Record<string, string | undefined>): FieldError[] {
  return plan.objectives.flatMap((objective, index) =>
    isObjectiveStatus(statuses[objective.objectiveId]) ? [] : [{ field: `status-${objective.objectiveId}`, message: `Select the status of objective ${index + 1}` }],
  );
}

/**
 * The review staff recorded on the form: the occasion, then for each objective of the plan its
 * `status-<objectiveId>` and optional `note-<objectiveId>`, and any `newConcerns`. Long notes are cut to length.
 */
export function progressReviewFromForm(
  plan: ActionPlan,
  posted: Record<string, string | undefined>,
  recorded: { by: string; at: string },
  rules = progressReviewRules,
): ProgressReview {
  const statuses = Object.fromEntries(plan.objectives.map((objective) => [objective.objectiveId, posted[`status-${objective.objectiveId}`]]));
  const problems = progressReviewProblems(plan, statuses);
  if (problems.length > 0) throw new ValidationError(problems);
  const objectives = plan.objectives.flatMap((objective) => {
    const status = statuses[objective.objectiveId];
    const note = (posted[`note-${objective.objectiveId}`] ?? '').trim().slice(0, rules.noteCharacters);
    return isObjectiveStatus(status) ? [{ objectiveId: objective.objectiveId, status, ...(note ? { note } : {}) }] : [];
  });
  const newConcerns = (posted.newConcerns ?? '').trim().slice(0, rules.concernsCharacters);
  return {
    areaId: plan.areaId,
    occasion: reviewOccasionOf(posted.occasion),
    objectives,
    ...(newConcerns ? { newConcerns } : {}),
    recordedBy: recorded.by,
    recordedAt: recorded.at,
  };
}

/** How the audit log sums up a review: the occasion and each objective's status, in plan order. */
export function progressReviewSummary(review: ProgressReview): string {
  const statuses = review.objectives.map((objective, index) => `objective ${index + 1} ${objectiveStatuses[objective.status].toLowerCase()}`);
  return `${reviewOccasions[review.occasion]}: ${statuses.join(', ')}.`;
}

/** What staff ticked for one objective on the sharing form. */
export interface ObjectiveSharingAnswer {
  themes: readonly string[];
  shared: boolean;
}

/**
 * The plan's objectives with the themes and sharing staff chose. An objective is shared only with
 * at least one theme, since the library gathers objectives by theme.
 */
export function objectivesWithSharing(plan: ActionPlan, answers: Readonly<Record<string, ObjectiveSharingAnswer | undefined>>): ActionPlanObjective[] {
  const problems: FieldError[] = [];
  const objectives = plan.objectives.map((objective, index) => {
    const answer = answers[objective.objectiveId] ?? { themes: [], shared: false };
    const unknown = answer.themes.filter((theme) => !isActionPlanTheme(theme));
    const themes = (Object.keys(actionPlanThemes) as ActionPlanTheme[]).filter((theme) => answer.themes.includes(theme));
    if (unknown.length > 0) problems.push({ field: `themes-${objective.objectiveId}`, message: `Choose the themes of objective ${index + 1} from the list` });
    else if (answer.shared && themes.length === 0) problems.push({ field: `themes-${objective.objectiveId}`, message: `Choose at least one theme for objective ${index + 1} to share it` });
    return { objectiveId: objective.objectiveId, text: objective.text, themes, shared: answer.shared };
  });
  if (problems.length > 0) throw new ValidationError(problems);
  return objectives;
}

const themeNames = (themes: readonly ActionPlanTheme[] | undefined) => (themes ?? []).map((theme) => actionPlanThemes[theme]).join(', ') || 'no theme';

/**
 * How the audit log sums up a change to themes and sharing, objective by objective in plan order;
 * empty when nothing changed.
 */
export function sharingChangeSummary(before: readonly ActionPlanObjective[], after: readonly ActionPlanObjective[]): string {
  const changes = after.flatMap((objective, index) => {
    const was = before.find((candidate) => candidate.objectiveId === objective.objectiveId);
    const sharing = Boolean(was?.shared) === Boolean(objective.shared) ? '' : objective.shared ? 'shared in the library' : 'no longer shared';
    const themes = themeNames(was?.themes) === themeNames(objective.themes) ? '' : `themes ${themeNames(objective.themes)}`;
    const what = [sharing, themes].filter(Boolean).join(', ');
    return what ? [`objective ${index + 1} ${what}`] : [];
  });
  return changes.length === 0 ? '' : `${changes.join('; ')}.`.replace(/^o/u, 'O');
}
