import { describe, expect, it } from 'vitest';
import { proposeSelection, sameSelection, selectionBreaches, type Candidate, type Sector } from '@pip/domain';

let counter = 0;
function candidate(overrides: Partial<Candidate> & { sector?: Sector }): Candidate {
  counter += 1;
  const id = overrides.applicationId ?? `PIP-${String(counter).padStart(4, '0')}-AAAA`;
  return {
    applicationId: id,
    fullName: `Person ${id}`,
    sector: 'local-authority',
    organisation: `Organisation ${id}`,
    meanScore: 3,
    canAttendWorkshops: true,
    bmeNetwork: false,
    laaProvider: false,
    submittedAt: `2027-01-01T00:00:${String(counter % 60).padStart(2, '0')}Z`,
    ...overrides,
  };
}

const council = (n: number, score: (i: number) => number, extra: Partial<Candidate> = {}) =>
  Array.from({ length: n }, (_, i) => candidate({ applicationId: `LA-${i + 1}`, fullName: `Council ${i + 1}`, meanScore: score(i), ...extra }));

describe('the selection proposal', () => {
  it('selects the six best-scored of each sector and keeps the rest, in order, as reserves', () => {
    const la = council(8, (i) => 5 - i * 0.25);
    const vcs = Array.from({ length: 7 }, (_, i) =>
      candidate({ applicationId: `VCS-${i + 1}`, sector: 'voluntary-community', meanScore: 4 - i * 0.1 }),
    );
    const proposal = proposeSelection([...vcs, ...la].reverse());
    expect(proposal.selected['local-authority']).toEqual(['LA-1', 'LA-2', 'LA-3', 'LA-4', 'LA-5', 'LA-6']);
    expect(proposal.reserves['local-authority']).toEqual(['LA-7', 'LA-8']);
    expect(proposal.selected['voluntary-community']).toHaveLength(6);
    expect(proposal.reserves['voluntary-community']).toEqual(['VCS-7']);
    expect(proposal.outcomes['LA-7']).toMatchObject({ kind: 'reserve', rank: 1 });
    expect(proposal.outcomes['LA-1']!.reasons[0]).toBe('Ranked 1st of 8 complete local authority applications, with a mean score of 5.00.');
  });

  it('leaves out unreviewed applications and those who cannot attend, saying why', () => {
    const unreviewed = candidate({ meanScore: undefined });
    const cannotAttend = candidate({ canAttendWorkshops: false, meanScore: 5 });
    const proposal = proposeSelection([unreviewed, cannotAttend]);
    expect(proposal.outcomes[unreviewed.applicationId]).toEqual({ kind: 'not-selected', reasons: ['Not reviewed yet, so it cannot be ranked.'] });
    expect(proposal.outcomes[cannotAttend.applicationId]!.kind).toBe('not-selected');
    expect(proposal.selected['local-authority']).toEqual([]);
  });

  it('takes at most one person per organisation, however the name is typed, unless configured otherwise', () => {
    const first = candidate({ organisation: 'Leeds City Council', meanScore: 5 });
    const second = candidate({ organisation: '  leeds city  council ', meanScore: 4.9 });
    const proposal = proposeSelection([first, second]);
    expect(proposal.selected['local-authority']).toEqual([first.applicationId]);
    expect(proposal.outcomes[second.applicationId]).toMatchObject({ kind: 'not-selected' });
    expect(proposal.outcomes[second.applicationId]!.reasons[1]).toContain('the limit is 1 per organisation');
    expect(proposeSelection([first, second], { placesPerSector: 6, maxPerOrganisation: 2 }).selected['local-authority']).toHaveLength(2);
  });

  it('breaks ties by the earlier application, then by reference, whatever order the input is in', () => {
    const later = candidate({ applicationId: 'PIP-AAAA-0001', meanScore: 4, submittedAt: '2027-01-02T00:00:00Z' });
    const earlier = candidate({ applicationId: 'PIP-ZZZZ-0001', meanScore: 4, submittedAt: '2027-01-01T00:00:00Z' });
    const sameTimeB = candidate({ applicationId: 'PIP-BBBB-0001', meanScore: 4, submittedAt: '2027-01-03T00:00:00Z' });
    const sameTimeA = candidate({ applicationId: 'PIP-AAAA-0002', meanScore: 4, submittedAt: '2027-01-03T00:00:00Z' });
    const rules = { placesPerSector: 2, maxPerOrganisation: 1 };
    const forwards = proposeSelection([later, earlier, sameTimeB, sameTimeA], rules);
    const backwards = proposeSelection([sameTimeA, sameTimeB, earlier, later], rules);
    expect(forwards).toEqual(backwards);
    expect(forwards.selected['local-authority']).toEqual(['PIP-ZZZZ-0001', 'PIP-AAAA-0001']);
    expect(forwards.reserves['local-authority']).toEqual(['PIP-AAAA-0002', 'PIP-BBBB-0001']);
  });

  it('brings in the best-ranked BME network applicant when none of the twelve is one, in place of the lowest-ranked', () => {
    const la = council(7, (i) => 5 - i * 0.1);
    la[6]!.bmeNetwork = true; // ranked 7th
    const proposal = proposeSelection(la);
    expect(proposal.selected['local-authority']).toEqual(['LA-1', 'LA-2', 'LA-3', 'LA-4', 'LA-5', 'LA-7']);
    expect(proposal.reserves['local-authority']).toEqual(['LA-6']);
    expect(proposal.outcomes['LA-7']!.reasons).toContain('Selected so that the twelve include someone from a local BME network, in place of Council 6.');
    expect(proposal.outcomes['LA-6']!.reasons).toContain('Made way for Council 7 so that the twelve include someone from a local BME network.');
  });

  it('meets the BME and LAA rules together without undoing one for the other', () => {
    const la = council(8, (i) => 5 - i * 0.1);
    la[6]!.bmeNetwork = true;
    la[7]!.laaProvider = true;
    const proposal = proposeSelection(la);
    expect(proposal.selected['local-authority']).toEqual(['LA-1', 'LA-2', 'LA-3', 'LA-4', 'LA-7', 'LA-8']);
  });

  it('does not apply a diversity rule when no such applicant exists', () => {
    const proposal = proposeSelection(council(7, (i) => 5 - i * 0.1));
    expect(proposal.selected['local-authority']).toEqual(['LA-1', 'LA-2', 'LA-3', 'LA-4', 'LA-5', 'LA-6']);
  });
});

describe('an edited selection', () => {
  const la = council(7, (i) => 5 - i * 0.1, { sector: 'local-authority' });
  const vcs = [candidate({ applicationId: 'VCS-1', sector: 'voluntary-community', bmeNetwork: true })];
  const all = [...la, ...vcs];

  it('shows no breach for a proposal approved with two leads', () => {
    const draft = { selected: { 'local-authority': ['LA-1', 'LA-2'], 'voluntary-community': ['VCS-1'] }, leads: { 'local-authority': 'LA-1', 'voluntary-community': 'VCS-1' } };
    expect(selectionBreaches(draft, all)).toEqual([]);
  });

  it('blocks approval with seven in a sector, a missing lead or a lead not selected', () => {
    const draft = {
      selected: { 'local-authority': la.map((c) => c.applicationId), 'voluntary-community': ['VCS-1'] },
      leads: { 'local-authority': 'LA-9' },
    };
    const breaches = selectionBreaches(draft, all);
    expect(breaches.filter((b) => b.blocksApproval).map((b) => b.message)).toEqual([
      '7 local authority participants are selected; at most 6 may be.',
      'The lead local authority participant must be one of those selected.',
      'Name a lead voluntary and community sector participant.',
    ]);
  });

  it('warns when the diversity or organisation rules are broken', () => {
    const sameOrg = [candidate({ applicationId: 'A', organisation: 'Kirklees Council' }), candidate({ applicationId: 'B', organisation: 'Kirklees Council' })];
    const draft = { selected: { 'local-authority': ['A', 'B'], 'voluntary-community': [] }, leads: { 'local-authority': 'A' } };
    const messages = selectionBreaches(draft, [...sameOrg, ...vcs]).filter((b) => !b.blocksApproval).map((b) => b.message);
    expect(messages).toEqual([
      '2 selected participants are from Kirklees Council (Person A, Person B); the limit is 1 per organisation.',
      'The selection does not include someone from a local BME network, though such applicants exist.',
    ]);
  });
});

describe('the same selection', () => {
  const approved = { selected: { 'local-authority': ['a', 'b'], 'voluntary-community': ['c'] }, leads: { 'local-authority': 'a', 'voluntary-community': 'c' } };

  it('is the same people and leads whatever the order they come in', () => {
    expect(sameSelection(approved, { leads: { 'voluntary-community': 'c', 'local-authority': 'a' }, selected: { 'voluntary-community': ['c'], 'local-authority': ['b', 'a'] } })).toBe(true);
  });

  it('differs when one person or one lead differs', () => {
    expect(sameSelection(approved, { ...approved, selected: { ...approved.selected, 'local-authority': ['a', 'd'] } })).toBe(false);
    expect(sameSelection(approved, { ...approved, leads: { ...approved.leads, 'local-authority': 'b' } })).toBe(false);
    expect(sameSelection(approved, { ...approved, selected: { ...approved.selected, 'local-authority': ['a'] } })).toBe(false);
  });
});
