import type { Actor } from '../staff';

/** What an erasure or a retention action changed, kind by kind: the timeline records these counts, never the content. */
export type RemovalCounts = Readonly<Record<string, number>>;

/**
 * Everything the platform holds about people, across the stores: a person's export, their erasure
 * on request, and the retention schedule's removals all go through here.
 */
export interface PersonRecords {
  /**
   * Replaces the person of one application by a pseudonym everywhere: the application kept under a
   * key that names nobody (reference, sector, dates and what the figures need), their name and
   * addresses gone from every record that mentions them, emails to or about them emptied (status
   * kept, pending ones cancelled), their links removed. Idempotent: a second call changes nothing.
   */
  pseudonymiseApplication(areaId: string, applicationId: string, by: Actor, at: string): Promise<RemovalCounts>;
}
