import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conflictsOfInterest,
  independenceOfReviews,
  meanRestsOnTooFewReviews,
  meanScore,
  organisationMatchKey,
  sameOrganisation,
  type DeclaredConflict,
  type Review,
  type StaffConnections,
} from '@pip/domain';

const LEEDS = { areaId: 'leeds', name: 'Leeds' };
const application = (applicationId: string, organisation: string) => ({ areaId: 'leeds', applicationId, answers: { organisation } });
const profile = (staffId: string, organisation: string, areaIds: string[] = []): StaffConnections => ({
  staffId,
  name: staffId,
  organisation,
  areaIds,
  version: 1,
  changedAt: '2027-01-01T09:00:00.000Z',
});
const declared = (staffId: string, applicationId: string, reason: string): DeclaredConflict => ({
  areaId: 'leeds',
  applicationId,
  staffId,
  staffName: staffId,
  reason,
  declaredAt: '2027-01-02T09:00:00.000Z',
});
const review = (applicationId: string, staffId: string, score: number): Review => ({
  areaId: 'leeds',
  applicationId,
  staffId,
  staffName: staffId,
  reviewedAt: '2027-02-02T09:00:00.000Z',
  roleFit: score,
  partnershipExperience: score,
  commitment: score,
});

describe('matching organisations', () => {
  it.each([
    ['Leeds City Council', 'leeds city council'],
    ['Leeds  City\tCouncil ', 'Leeds City Council'],
    ['The Leeds & District CVS', 'leeds and district c.v.s.'],
    ['Voluntary Action Leeds', 'voluntary action, leeds'],
    ['THE Council', 'council'],
    ['Café Leeds', 'Cafe Leeds'],
  ])('"%s" is the same organisation as "%s"', (a, b) => {
    expect(sameOrganisation(a, b)).toBe(true);
  });

  it.each([
    ['Leeds City Council', 'Bradford Council'],
    ['Leeds City Council', 'Leeds City Council Trust'],
    ['Theatre Leeds', 'atre Leeds'],
    ['', ''],
    ['  ', '...'],
  ])('"%s" is not the same organisation as "%s"', (a, b) => {
    expect(sameOrganisation(a, b)).toBe(false);
  });

  it('normalises to a fixed point, whatever the text and its letter case', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const key = organisationMatchKey(name);
        expect(organisationMatchKey(key)).toBe(key);
        expect(organisationMatchKey(name.toUpperCase())).toBe(key);
        expect(organisationMatchKey(name.toLowerCase())).toBe(key);
      }),
    );
  });

  it('ignores spacing, punctuation and a leading "The" around any name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/u), fc.constantFrom('', 'The ', 'the  '), fc.constantFrom('', '.', ' ,', '!'), (name, the, mark) => {
        expect(sameOrganisation(`${the}${name}${mark}`, `  ${name.replace(/ /gu, '  ')}`)).toBe(true);
      }),
    );
  });
});

describe('conflicts of interest by rule', () => {
  const council = application('PIP-1', 'Leeds City Council');

  it('gives the reason for the same organisation, a connected area and a declaration', () => {
    expect(conflictsOfInterest('sam', profile('sam', 'the leeds city council'), [], council, LEEDS).map((c) => c.reason)).toEqual([
      'You work at the same organisation as the applicant (Leeds City Council)',
    ]);
    expect(conflictsOfInterest('sam', profile('sam', 'NACVS', ['bradford', 'leeds']), [], council, LEEDS).map((c) => c.reason)).toEqual([
      'You are connected to Leeds',
    ]);
    expect(conflictsOfInterest('sam', undefined, [declared('sam', 'PIP-1', 'My sister')], council, LEEDS).map((c) => c.reason)).toEqual([
      'You declared a conflict: My sister',
    ]);
  });

  it('finds none for another organisation, another area, or a declaration by someone else or on another application', () => {
    const others = [declared('priya', 'PIP-1', 'Friend'), declared('sam', 'PIP-2', 'Neighbour')];
    expect(conflictsOfInterest('sam', profile('sam', 'Bradford Council', ['bradford']), others, council, LEEDS)).toEqual([]);
    expect(conflictsOfInterest('sam', undefined, [], council, LEEDS)).toEqual([]);
    expect(conflictsOfInterest('sam', profile('sam', ''), [], application('PIP-3', ''), LEEDS)).toEqual([]);
  });
});

describe('independent reviews', () => {
  const applications = [application('PIP-1', 'Leeds City Council'), application('PIP-2', 'Voluntary Action Leeds')];
  const reviews = [review('PIP-1', 'sam', 5), review('PIP-1', 'priya', 3), review('PIP-2', 'sam', 4), review('PIP-2', 'priya', 2)];

  it('leaves out the reviews of staff conflicted now, and counts the rest per application', () => {
    const connections = [profile('sam', 'Leeds City Council'), profile('priya', 'NACVS')];
    const independence = independenceOfReviews(LEEDS, applications, reviews, connections, [declared('priya', 'PIP-2', 'Trustee')]);
    expect(independence.independent.map((r) => [r.applicationId, r.staffId])).toEqual([
      ['PIP-1', 'priya'],
      ['PIP-2', 'sam'],
    ]);
    expect(independence.conflicted.map(({ review: r, conflicts }) => [r.staffId, conflicts.map((c) => c.about)])).toEqual([
      ['sam', ['works at the same organisation as the applicant (Leeds City Council)']],
      ['priya', ['declared a conflict: Trustee']],
    ]);
    expect(independence.independentCounts).toEqual({ 'PIP-1': 1, 'PIP-2': 1 });
    expect(meanScore(independence.independent.filter((r) => r.applicationId === 'PIP-1'))).toBe(3);
  });

  it('makes an earlier review not independent once its reviewer records a connection to the area', () => {
    const before = independenceOfReviews(LEEDS, applications, reviews, [], []);
    const after = independenceOfReviews(LEEDS, applications, reviews, [profile('priya', '', ['leeds'])], []);
    expect(before.independentCounts).toEqual({ 'PIP-1': 2, 'PIP-2': 2 });
    expect(after.independentCounts).toEqual({ 'PIP-1': 1, 'PIP-2': 1 });
    expect(after.conflicted.every(({ review: r }) => r.staffId === 'priya')).toBe(true);
  });

  it('never counts a review twice or loses one', () => {
    fc.assert(
      fc.property(fc.subarray(reviews), fc.subarray(['leeds', 'bradford']), (some, areaIds) => {
        const independence = independenceOfReviews(LEEDS, applications, some, [profile('sam', 'x', areaIds)], []);
        expect(independence.independent.length + independence.conflicted.length).toBe(some.length);
        expect(Object.values(independence.independentCounts).reduce((a, b) => a + b, 0)).toBe(independence.independent.length);
      }),
    );
  });

  it('warns about a mean resting on one independent review, not on none or two', () => {
    expect([0, 1, 2, 3].map(meanRestsOnTooFewReviews)).toEqual([false, true, false, false]);
  });
});
