import type { RemovalCounts } from '@pip/domain';

/** What a removal counts, kind by kind; the timeline says these in words. */
export const removalKinds = [
  'application',
  'reviewNote',
  'evaluationComment',
  'record',
  'email',
  'emailCancelled',
  'link',
  'nomination',
  'unreachable',
  'allowance',
  'savedApplication',
] as const;
export type RemovalKind = (typeof removalKinds)[number];

/** Counts what a removal took, kind by kind, leaving out kinds it took none of. */
export class Tally {
  private readonly counts: Partial<Record<RemovalKind, number>> = {};

  add(kind: RemovalKind, by = 1): void {
    if (by > 0) this.counts[kind] = (this.counts[kind] ?? 0) + by;
  }

  addAll(other: RemovalCounts): void {
    for (const [kind, count] of Object.entries(other)) this.add(kind as RemovalKind, count);
  }

  get result(): RemovalCounts {
    return { ...this.counts };
  }
}

/** Two removals' counts added kind by kind. */
export function merged(a: RemovalCounts, b: RemovalCounts): RemovalCounts {
  const result: Record<string, number> = { ...a };
  for (const [kind, count] of Object.entries(b)) result[kind] = (result[kind] ?? 0) + count;
  return result;
}
