import {
  applicationsDue,
  eachAtMost,
  areaRetentionFacts,
  honouredWith,
  isPseudonymised,
  retentionDueAt,
  retentionRule,
  retentionSummary,
  savedApplicationDueAt,
  type Actor,
  type Area,
  type PersonRecords,
  type Ports,
  type RetainedRecord,
  type RetentionIndex,
} from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

export type ApplyRetentionPorts = Pick<
  Ports,
  'clock' | 'log' | 'areas' | 'applications' | 'selections' | 'workshops' | 'followUps' | 'progressReviews' | 'evaluation' | 'audit'
> & {
  retention: RetentionIndex;
  /** Pseudonymises an application everywhere, as an erasure does. */
  people: Pick<PersonRecords, 'pseudonymiseApplication'>;
};

/** How many records of one kind the pass removes or redacts at once. */
const AT_ONCE = 8;
/** How many areas the pass reads and pseudonymises in at once: each is a handful of reads, one after another. */
const AREAS_AT_ONCE = 4;

/** Who the timeline names for what the schedule did: nobody on staff pressed a button. */
export const retentionActor: Actor = { name: 'Retention schedule' };

/** How many records each rule acted on in one pass, in all. */
export type RetentionCounts = Partial<Record<RetainedRecord, number>>;

/** What one pass did in one area, rule by rule: counts, and the application references it pseudonymised. */
class Tally {
  private readonly areas = new Map<string, Map<RetainedRecord, { count: number; subjects: string[] }>>();
  readonly totals: RetentionCounts = {};

  add(areaId: string | undefined, record: RetainedRecord, subject?: string): void {
    this.totals[record] = (this.totals[record] ?? 0) + 1;
    if (areaId === undefined) return;
    const rules = this.areas.get(areaId) ?? new Map<RetainedRecord, { count: number; subjects: string[] }>();
    const done = rules.get(record) ?? { count: 0, subjects: [] };
    done.count += 1;
    if (subject) done.subjects.push(subject);
    rules.set(record, done);
    this.areas.set(areaId, rules);
  }

  /**
   * Writes one timeline entry per area and rule counted so far. What it writes it takes first, so an
   * entry is never written twice, and what other areas count meanwhile waits for their own call.
   */
  async record(ports: Pick<ApplyRetentionPorts, 'audit' | 'clock'>): Promise<void> {
    const counted = [...this.areas];
    this.areas.clear();
    for (const [areaId, rules] of counted) {
      for (const [record, { count, subjects }] of rules) {
        const { action, summary } = retentionSummary(retentionRule(record), count);
        await ports.audit.record({ ...auditEntry(ports.clock, areaId, retentionActor, action, summary), kind: 'retention', ...(subjects.length > 0 ? { subjects } : {}) });
      }
    }
  }
}

/**
 * The daily retention pass: does what the retention schedule says is due by now, and nothing else.
 * Records on the retention index first (emails' wording redacted, expired links removed, unreachable
 * addresses forgotten, nominations nobody followed up removed, saved applications never sent
 * removed), then, area by area, the applications
 * the schedule's application rules make due, each replaced by a pseudonym. Each area's timeline gets
 * one entry per rule acted on, with a count and never a name. Every action is conditional and takes
 * the record off the index, and a pseudonymised application is never due again, so a second pass
 * changes nothing.
 */
export async function applyRetention(ports: ApplyRetentionPorts): Promise<RetentionCounts> {
  const now = ports.clock.now();
  const upTo = now.toISOString();
  const tally = new Tally();
  const failures: unknown[] = [];

  // Each record is its own conditional write, so a few go at once.
  await eachAtMost(await ports.retention.emailsDue(upTo), AT_ONCE, async (email) => {
    if (email.status === 'pending' || email.status === 'sending') {
      // Still waiting to go (held, or being tried again): its period starts once it is sent.
      await ports.retention.postponeEmail(email, retentionDueAt(retentionRule('email-content'), upTo));
    } else if (await ports.retention.redactEmail(email, upTo)) tally.add(email.areaId, 'email-content');
  });
  await eachAtMost(await ports.retention.linksDue(upTo), AT_ONCE, async (link) => {
    if (await ports.retention.removeLink(link)) tally.add(link.areaId, 'emailed-links');
  });
  await eachAtMost(await ports.retention.unreachableDue(upTo), AT_ONCE, async (unreachable) => {
    if (await ports.retention.removeUnreachable(unreachable)) tally.add(undefined, 'unreachable-addresses');
  });
  const areas = new Map<string, Area | undefined>();
  const areaOf = async (areaId: string) => {
    if (!areas.has(areaId)) areas.set(areaId, await ports.areas.get(areaId));
    return areas.get(areaId);
  };
  for (const nomination of await ports.retention.nominationsDue(upTo)) {
    const area = await areaOf(nomination.areaId);
    // Counted from when applications close, which may have moved since the nomination was made.
    const dueAt = area ? retentionDueAt(retentionRule('nominations-not-taken-up'), area.recruitment.closesAt) : nomination.dueAt;
    if (Date.parse(dueAt) > now.getTime()) await ports.retention.postponeNomination(nomination, dueAt);
    else if (await ports.applications.findByApplicant(nomination.areaId, nomination.candidateEmail)) await ports.retention.keepNomination(nomination);
    else if (await ports.retention.removeNomination(nomination)) tally.add(nomination.areaId, 'nominations-not-taken-up');
  }
  for (const saved of await ports.retention.savedApplicationsDue(upTo)) {
    // When the link ends, or applications close if sooner: the close may have moved since the save.
    const dueAt = savedApplicationDueAt(await areaOf(saved.areaId), saved.expiresAt);
    if (Date.parse(dueAt) > now.getTime()) await ports.retention.postponeSavedApplication(saved, dueAt);
    else if (await ports.retention.removeSavedApplication(saved)) tally.add(saved.areaId, 'saved-applications');
  }
  await tally.record(ports);

  // A few areas at once: an area's own reads and writes follow one another, and the areas have nothing in common.
  await eachAtMost(await ports.areas.list(), AREAS_AT_ONCE, async (area) => {
    try {
      await pseudonymiseDueApplications(ports, area.areaId, now, tally);
    } catch (error) {
      failures.push(error);
      ports.log('ERROR', 'retention pass failed for an area', { areaId: area.areaId, error: error instanceof Error ? error.message : String(error) });
    } finally {
      await tally.record(ports);
    }
  });

  if (Object.keys(tally.totals).length > 0) ports.log('INFO', 'retention pass', tally.totals);
  // The scheduled run fails (and is retried, then kept for staff) if any area could not be done; the rest is done.
  if (failures.length > 0) throw failures[0];
  return tally.totals;
}

async function pseudonymiseDueApplications(ports: ApplyRetentionPorts, areaId: string, now: Date, tally: Tally): Promise<void> {
  const selection = await ports.selections.get(areaId);
  if (selection?.status !== 'approved') return;
  const [workshops, followUp, progressReviews, applications] = await Promise.all([
    ports.workshops.schedule(areaId),
    ports.followUps.get(areaId),
    ports.progressReviews.list(areaId),
    ports.applications.listForArea(areaId),
  ]);
  const facts = areaRetentionFacts(selection, workshops, followUp, progressReviews);
  const due = applicationsDue(facts, applications.map((application) => ({ applicationId: application.applicationId, pseudonymised: isPseudonymised(application) })), now);
  if (due.length === 0) return;
  const evaluated = due.some((one) => honouredWith[one.record]?.includes('evaluation-answers'))
    ? new Set((await ports.evaluation.responses(areaId)).map((response) => response.applicationId))
    : new Set<string>();
  for (const { applicationId, record } of due) {
    await ports.people.pseudonymiseApplication(areaId, applicationId, retentionActor, now.toISOString());
    tally.add(areaId, record, applicationId);
    for (const also of honouredWith[record] ?? []) {
      if (also !== 'evaluation-answers' || evaluated.has(applicationId)) tally.add(areaId, also, applicationId);
    }
  }
}
