import type { FieldError } from './errors';

/** The objectives of an area's partnership improvement action plan, as agreed. */
export interface ActionPlan {
  areaId: string;
  objectives: { objectiveId: string; text: string }[];
  agreedAt: string;
  agreedBy: string;
}

export const objectiveStatuses = { 'not-started': 'Not started', 'under-way': 'Under way', done: 'Done' } as const;
export type ObjectiveStatus = keyof typeof objectiveStatuses;

/** When progress is reviewed: at each consultancy session and at the group's follow-up review. */
export const reviewOccasions = { 'session-1': 'Consultancy session 1', 'session-2': 'Consultancy session 2', 'follow-up': 'Follow-up review' } as const;
export type ReviewOccasion = keyof typeof reviewOccasions;

export interface ProgressReview {
  areaId: string;
  occasion: ReviewOccasion;
  objectives: { objectiveId: string; status: ObjectiveStatus; note?: string }[];
  newConcerns?: string;
  recordedBy: string;
  recordedAt: string;
}

/** The objectives of an action plan from what staff typed: one per line, blank lines ignored. */
export function objectivesFromText(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/u, '').trim())
    .filter(Boolean);
}

/** A progress review needs a status for every objective of the plan; notes and concerns are optional. */
export function progressReviewProblems(plan: ActionPlan, statuses: Record<string, string | undefined>): FieldError[] {
  return plan.objectives.flatMap((objective, index) =>
    statuses[objective.objectiveId] && statuses[objective.objectiveId]! in objectiveStatuses
      ? []
      : [{ field: `status-${objective.objectiveId}`, message: `Select the status of objective ${index + 1}` }],
  );
}
