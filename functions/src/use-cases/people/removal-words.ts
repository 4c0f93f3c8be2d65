import type { RemovalCounts } from '@pip/domain';

/** Each kind of removal in words, one and many, in the order a summary lists them. */
const kinds: Record<string, readonly [string, string]> = {
  application: ['application kept under a pseudonym', 'applications kept under a pseudonym'],
  reviewNote: ['review note removed', 'review notes removed'],
  evaluationComment: ['evaluation comment removed', 'evaluation comments removed'],
  record: ['record with their name or address replaced', 'records with their name or address replaced'],
  email: ['email emptied', 'emails emptied'],
  emailCancelled: ['email not yet sent cancelled', 'emails not yet sent cancelled'],
  link: ['personal link removed', 'personal links removed'],
  nomination: ['nomination removed', 'nominations removed'],
  unreachable: ['record of an address our emails could not reach removed', 'records of addresses our emails could not reach removed'],
  allowance: ['daily email count removed', 'daily email counts removed'],
  savedApplication: ['saved application never sent removed', 'saved applications never sent removed'],
};

/** "1 application kept under a pseudonym", "3 emails emptied": the counts as a timeline entry and a result page say them. */
export function removalsInWords(counts: RemovalCounts): string[] {
  const known = Object.keys(kinds).filter((kind) => (counts[kind] ?? 0) > 0);
  const others = Object.keys(counts).filter((kind) => !(kind in kinds) && (counts[kind] ?? 0) > 0);
  return [
    ...known.map((kind) => `${counts[kind]} ${kinds[kind]![counts[kind] === 1 ? 0 : 1]}`),
    ...others.map((kind) => `${counts[kind]} ${kind}`),
  ];
}
