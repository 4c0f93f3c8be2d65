import * as z from 'zod/mini';
import type { FieldMeta } from './form-meta';
import { metaOf } from './schema-input';
import type { StaffProfile } from './staff';

const scoreOptions = { '1': '1 – poor', '2': '2', '3': '3', '4': '4', '5': '5 – excellent' } as const;

function criterion(title: string, description: string) {
  const schema = z.int({ error: `Score ${title.toLowerCase()} from 1 to 5` }).check(
    z.gte(1, `Score ${title.toLowerCase()} from 1 to 5`),
    z.lte(5, `Score ${title.toLowerCase()} from 1 to 5`),
  );
  z.globalRegistry.add(schema, { title, description, 'x-input': 'radios', 'x-options': scoreOptions, 'x-number': true } satisfies FieldMeta);
  return schema;
}

const note = z.optional(z.string().check(z.trim(), z.maxLength(2000, 'The note must be 2000 characters or fewer')));
z.globalRegistry.add(note, {
  title: 'Note (optional)',
  description: 'What a colleague reading the scores later would need to know.',
  'x-input': 'textarea',
} satisfies FieldMeta);

/** A reviewer's scores for one application. */
export const reviewSchema = z.object({
  roleFit: criterion('Role and seniority fit', 'Is the applicant senior enough to change how their organisation works in partnership?'),
  partnershipExperience: criterion('Partnership experience', 'Depth of their cross-sector partnership experience.'),
  commitment: criterion('Commitment', 'Can they give the time the four workshops and the action plan need?'),
  note,
});

export type ReviewScores = z.infer<typeof reviewSchema>;
export type ReviewField = keyof ReviewScores;
export const reviewFields = Object.keys(reviewSchema.shape) as ReviewField[];
export const reviewCriteria = ['roleFit', 'partnershipExperience', 'commitment'] as const;

export interface Review extends ReviewScores {
  areaId: string;
  applicationId: string;
  staffId: string;
  staffName: string;
  reviewedAt: string;
}

/** A mean score as every page, list and export shows it: to two decimal places. */
export function scoreText(score: number): string {
  return score.toFixed(2);
}

export function reviewMean(review: ReviewScores): number {
  return reviewCriteria.reduce((sum, key) => sum + review[key], 0) / reviewCriteria.length;
}

/** The mean of each reviewer's mean; absent until someone has reviewed. */
export function meanScore(reviews: readonly ReviewScores[]): number | undefined {
  if (reviews.length === 0) return undefined;
  return reviews.reduce((sum, review) => sum + reviewMean(review), 0) / reviews.length;
}

/** Whether a review says anything new: the same scores and note again (a double click) do not. */
export function sameScores(a: ReviewScores | undefined, b: ReviewScores): boolean {
  return a !== undefined && reviewCriteria.every((key) => a[key] === b[key]) && (a.note ?? '') === (b.note ?? '');
}

/** Each score by its criterion's name, and their mean: "role and seniority fit 4, … (mean 4.33)". */
export function scoresInWords(scores: ReviewScores): string {
  const parts = reviewCriteria.map((key) => `${metaOf(reviewSchema.shape[key]).title.toLowerCase()} ${scores[key]}`);
  return `${parts.join(', ')} (mean ${scoreText(reviewMean(scores))})`;
}

/** A stored value that is a review's scores, as the audit log keeps them before and after a change. */
export function isReviewScores(value: unknown): value is ReviewScores {
  return typeof value === 'object' && value !== null && reviewCriteria.every((key) => typeof (value as Record<string, unknown>)[key] === 'number');
}

/** The audit log's line for a review. */
export function reviewSummary(applicantName: string, scores: ReviewScores): string {
  return `Scored ${applicantName}: ${scoresInWords(scores)}.`;
}

/** Just the scores and note of a review, as the audit log keeps them before a change. */
export function scoresOf(review: ReviewScores): ReviewScores {
  return { roleFit: review.roleFit, partnershipExperience: review.partnershipExperience, commitment: review.commitment, note: review.note };
}

/** The audit log's title for a review: a first review, or a reviewer changing their scores. */
export function reviewAction(earlier: Review | undefined): string {
  return earlier ? 'Review changed' : 'Application reviewed';
}

/** The staff who have not reviewed an application yet, so the team can see whose scores are missing. */
export function notYetReviewedBy(staff: readonly StaffProfile[], reviewsOfApplication: readonly Review[]): StaffProfile[] {
  const reviewers = new Set(reviewsOfApplication.map((review) => review.staffId));
  return staff.filter((member) => !reviewers.has(member.staffId));
}
