import { describe, expect, it, vi } from 'vitest';
import { DAY, retentionRule, type AreaSelection, type RetentionIndex } from '@pip/domain';
import { applyRetention } from '@pip/functions/use-cases/retention/apply-retention';
import { memoryPorts } from '../../support/memory-ports';
import { APPLICANTS, LEEDS } from './fixtures';

/*
 * The application rules of the daily retention pass, with memory ports: who is pseudonymised when,
 * and what the area's timeline says. (The records on the retention index are tested against
 * DynamoDB Local in test/integration/retention.test.ts.)
 */
const APPROVED_AT = '2027-02-20T10:00:00.000Z';
const WORKSHOPS_END = '2027-07-01T16:00:00.000Z';
const FOLLOW_UP_END = '2027-12-01T12:00:00.000Z';
const [la1, la2, la3, la4] = APPLICANTS.filter((application) => application.answers.sector === 'local-authority');
const [vc1, vc2] = APPLICANTS.filter((application) => application.answers.sector === 'voluntary-community');
const id = (application: { applicationId: string } | undefined) => application!.applicationId;

/** la1 and vc1 selected; la2 withdrew a month after approval; la3 a reserve; la4 and vc2 not selected. */
const selection: AreaSelection = {
  areaId: LEEDS.areaId,
  version: 3,
  status: 'approved',
  updatedBy: { staffId: 'sam', name: 'Sam Rivers' },
  updatedAt: APPROVED_AT,
  approvedBy: { staffId: 'sam', name: 'Sam Rivers' },
  approvedAt: APPROVED_AT,
  selected: { 'local-authority': [id(la1)], 'voluntary-community': [id(vc1)] },
  leads: { 'local-authority': id(la1), 'voluntary-community': id(vc1) },
  outcomes: {
    [id(la1)]: { kind: 'selected', reasons: [] },
    [id(vc1)]: { kind: 'selected', reasons: [] },
    [id(la2)]: { kind: 'selected', reasons: [] },
    [id(la3)]: { kind: 'reserve', rank: 1, reasons: [] },
    [id(la4)]: { kind: 'not-selected', reasons: [] },
    [id(vc2)]: { kind: 'not-selected', reasons: [] },
  },
  reserves: { 'local-authority': [id(la3)], 'voluntary-community': [] },
  offered: {},
  withdrawn: [id(la2)],
  declined: [],
  membership: [{ applicationId: id(la2), change: 'left', at: '2027-03-20T10:00:00.000Z' }],
};

/** A retention index with nothing on it: only the application rules act. */
const nothingIndexed: RetentionIndex = {
  emailsDue: async () => [],
  redactEmail: async () => false,
  postponeEmail: async () => false,
  linksDue: async () => [],
  removeLink: async () => false,
  unreachableDue: async () => [],
  removeUnreachable: async () => false,
  nominationsDue: async () => [],
  removeNomination: async () => false,
  postponeNomination: async () => false,
  keepNomination: async () => false,
  savedApplicationsDue: async () => [],
  removeSavedApplication: async () => false,
  postponeSavedApplication: async () => false,
};

async function leeds() {
  const ports = memoryPorts({ now: APPROVED_AT, areas: [LEEDS], applications: [la1!, la2!, la3!, la4!, vc1!, vc2!], selections: [selection] });
  await ports.workshops.saveSchedule(
    {
      areaId: LEEDS.areaId,
      sequence: 0,
      workshops: [1, 2, 3, 4].map((number) => ({
        number,
        startsAt: new Date(Date.parse(WORKSHOPS_END) - (4 - number) * 35 * DAY - 4 * 3600_000).toISOString(),
        endsAt: new Date(Date.parse(WORKSHOPS_END) - (4 - number) * 35 * DAY).toISOString(),
        venue: { name: 'Civic Centre', host: 'council' as const },
        facilitators: ['Alex Facilitator', 'Bea Facilitator'] as [string, string],
      })),
    },
    -1,
  );
  await ports.followUps.propose({ areaId: LEEDS.areaId, venue: 'Civic Centre', proposedBy: 'Sam Rivers', options: [{ optionId: 'a', startsAt: '2027-12-01T10:00:00.000Z', endsAt: FOLLOW_UP_END }] });
  await ports.followUps.confirm(LEEDS.areaId, 'a');
  const pseudonymise = vi.spyOn(ports.people, 'pseudonymiseApplication');
  const pass = (at: number) => {
    ports.clock.set(new Date(at).toISOString());
    return applyRetention({ ...ports, retention: nothingIndexed });
  };
  const pseudonymised = () => pseudonymise.mock.calls.map(([, applicationId]) => applicationId).sort();
  const entries = () => ports.audit.entries.filter((entry) => entry.kind === 'retention');
  return { ports, pass, pseudonymised, entries };
}

const days = (record: Parameters<typeof retentionRule>[0]) => retentionRule(record).days * DAY;

describe('the daily retention pass, for applications', () => {
  it('pseudonymises those not selected once their period after the approval ends, and nobody a day before', async () => {
    const { pass, pseudonymised, entries } = await leeds();
    await pass(Date.parse(APPROVED_AT) + days('unsuccessful-applications') - DAY);
    // Only the reserve, whose workshops are over.
    expect(pseudonymised()).toEqual([id(la3)]);
    expect(entries()).toHaveLength(1);

    const counts = await pass(Date.parse(APPROVED_AT) + days('unsuccessful-applications') + 1000);
    expect(pseudonymised()).toEqual([id(la3), id(la4), id(vc2)].sort());
    expect(counts).toEqual({ 'unsuccessful-applications': 2 });
  });

  it('counts a withdrawal from when it happened, and keeps a reserve until the workshops end', async () => {
    const { pass, pseudonymised } = await leeds();
    await pass(Date.parse(WORKSHOPS_END) - 1000);
    expect(pseudonymised()).toEqual([]);
    await pass(Date.parse(WORKSHOPS_END) + 1000);
    expect(pseudonymised()).toEqual([id(la3)]);
    await pass(Date.parse(APPROVED_AT) + days('unsuccessful-applications') + 1000);
    // la2 withdrew a month after the approval, so is not due yet.
    expect(pseudonymised()).toEqual([id(la3), id(la4), id(vc2)].sort());
    await pass(Date.parse('2027-03-20T10:00:00.000Z') + days('unsuccessful-applications') + 1000);
    expect(pseudonymised()).toEqual([id(la2), id(la3), id(la4), id(vc2)].sort());
  });

  it('keeps participants until their period after the follow-up review, then de-identifies their evaluation answers too', async () => {
    const { ports, pass, pseudonymised, entries } = await leeds();
    await ports.evaluation.open({ areaId: LEEDS.areaId, openedAt: '2027-12-02T09:00:00.000Z', invited: 2 });
    await ports.evaluation.respond(
      { areaId: LEEDS.areaId, applicationId: id(la1), answers: { materials: 'good', content: 'excellent', facilitation: 'good', knowledgeIncreased: 'yes', abilityIncreased: 'yes', metExpectations: 'yes', comments: 'Useful' }, submittedAt: '2027-12-03T09:00:00.000Z', version: 1 },
      0,
    );
    const participantsDue = Date.parse(FOLLOW_UP_END) + days('participant-details');
    await pass(participantsDue - DAY);
    const earlier = pseudonymised();
    expect(earlier).not.toContain(id(la1));
    expect(earlier).not.toContain(id(vc1));

    const counts = await pass(participantsDue + 1000);
    expect(pseudonymised().filter((applicationId) => !earlier.includes(applicationId))).toEqual([id(la1), id(vc1)].sort());
    expect(counts).toEqual({ 'participant-details': 2, 'evaluation-answers': 1 });
    const last = entries().filter((entry) => entry.at === new Date(participantsDue + 1000).toISOString());
    expect(last.map((entry) => entry.summary).sort()).toEqual([
      `1 record de-identified: ${retentionRule('evaluation-answers').what}.`,
      `2 records pseudonymised: ${retentionRule('participant-details').what}.`,
    ]);
  });

  it('writes one timeline entry per rule with the count and the references, never a name, and changes nothing when run again', async () => {
    const { ports, pass, entries } = await leeds();
    const late = Date.parse(FOLLOW_UP_END) + days('participant-details') + DAY;
    await pass(late);
    // Three withdrawn or not selected, one reserve, two participants (neither answered the evaluation).
    expect(entries().map((entry) => [entry.action, entry.summary.split(':')[0]]).sort()).toEqual([
      ['Pseudonymised under the retention schedule', '1 record pseudonymised'],
      ['Pseudonymised under the retention schedule', '2 records pseudonymised'],
      ['Pseudonymised under the retention schedule', '3 records pseudonymised'],
    ]);
    for (const entry of entries()) {
      expect(entry.actor).toEqual({ name: 'Retention schedule' });
      expect(entry.subjects?.length).toBeGreaterThan(0);
      for (const person of [la1, la2, la3, la4, vc1, vc2]) {
        expect(JSON.stringify(entry)).not.toContain(person!.answers.fullName);
        expect(JSON.stringify(entry)).not.toContain(person!.answers.email);
      }
    }
    const before = ports.snapshot();
    expect(await pass(late + DAY)).toEqual({});
    expect(ports.snapshot()).toEqual(before);
  });

  it('gives each area its own entries when several are done at once, the same as one area alone would have', async () => {
    const areaIds = ['leeds', 'bradford', 'wakefield', 'calderdale', 'kirklees', 'york'];
    const people = [la1!, la2!, la3!, la4!, vc1!, vc2!];
    const ports = memoryPorts({
      now: APPROVED_AT,
      areas: areaIds.map((areaId) => ({ ...LEEDS, areaId, name: areaId })),
      applications: areaIds.flatMap((areaId) => people.map((person) => ({ ...person, areaId }))),
      selections: areaIds.map((areaId) => ({ ...selection, areaId })),
    });
    ports.clock.set(new Date(Date.parse(APPROVED_AT) + days('unsuccessful-applications') + 1000).toISOString());
    const counts = await applyRetention({ ...ports, retention: nothingIndexed });
    const entries = ports.audit.entries.filter((entry) => entry.kind === 'retention');
    const ofArea = (areaId: string) => entries.filter((entry) => entry.areaId === areaId).map((entry) => [entry.summary, [...(entry.subjects ?? [])].sort()]);
    expect(ofArea('leeds').length).toBeGreaterThan(0);
    for (const areaId of areaIds) expect(ofArea(areaId)).toEqual(ofArea('leeds'));
    const perArea = ofArea('leeds').reduce((sum, [, subjects]) => sum + subjects!.length, 0);
    expect(Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0)).toBe(perArea * areaIds.length);
  });

  it('does nothing for an area whose selection is not approved', async () => {
    const ports = memoryPorts({ now: APPROVED_AT, areas: [LEEDS], applications: [la4!], selections: [{ ...selection, status: 'draft' }] });
    ports.clock.set(new Date(Date.parse(APPROVED_AT) + 1000 * DAY).toISOString());
    expect(await applyRetention({ ...ports, retention: nothingIndexed })).toEqual({});
  });
});
