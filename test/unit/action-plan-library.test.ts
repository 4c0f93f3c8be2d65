import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionPlanLibraryOf,
  actionPlanThemes,
  inOccasionOrder,
  latestProgress,
  libraryFilterFrom,
  objectivesWithSharing,
  regionIds,
  reviewOccasions,
  sharingChangeSummary,
  ValidationError,
  type ActionPlan,
  type ActionPlanTheme,
  type ObjectiveStatus,
  type ProgressReview,
  type ReviewOccasion,
  type SharedPlan,
} from '@pip/domain';
import { libraryCsv, libraryPage } from '@pip/functions/pages/library-page';

const plan = (areaId: string, agreedAt: string, objectives: ActionPlan['objectives']): ActionPlan => ({ areaId, objectives, agreedAt, agreedBy: 'Sam Rivers' });
const review = (areaId: string, occasion: ReviewOccasion, statuses: Record<string, ObjectiveStatus>, recordedAt = '2027-05-01T10:00:00.000Z'): ProgressReview => ({
  areaId,
  occasion,
  objectives: Object.entries(statuses).map(([objectiveId, status]) => ({ objectiveId, status, note: 'Spoke to Amira Khan' })),
  recordedBy: 'Sam Rivers',
  recordedAt,
});

const leeds: SharedPlan = {
  regionId: 'yorkshire-and-the-humber',
  plan: plan('leeds', '2027-04-01T00:00:00.000Z', [
    { objectiveId: 'objective-1', text: 'A joint commissioning framework', themes: ['funding', 'governance'], shared: true },
    { objectiveId: 'objective-2', text: 'A compact refresh', themes: ['relationships'], shared: false },
    { objectiveId: 'objective-3', text: 'Shared but untagged', themes: [], shared: true },
    { objectiveId: 'objective-4', text: 'Agreed before themes existed' },
  ]),
  reviews: [review('leeds', 'follow-up', { 'objective-1': 'done' }), review('leeds', 'session-1', { 'objective-1': 'not-started', 'objective-2': 'under-way' })],
};
const brighton: SharedPlan = {
  regionId: 'south-east',
  plan: plan('brighton', '2027-03-01T00:00:00.000Z', [{ objectiveId: 'objective-1', text: 'Volunteer passports', themes: ['capacity'], shared: true }]),
  reviews: [],
};

describe('the library of action plans', () => {
  it('holds only objectives that are shared and tagged, grouped under each of their themes, in region order', () => {
    const library = actionPlanLibraryOf([brighton, leeds], {});
    expect(library.objectives).toBe(2);
    expect(library.themes.map((theme) => theme.name)).toEqual(Object.values(actionPlanThemes));
    const texts = Object.fromEntries(library.themes.map((theme) => [theme.theme, theme.objectives.map((objective) => objective.text)]));
    expect(texts).toEqual({ capacity: ['Volunteer passports'], representation: [], governance: ['A joint commissioning framework'], funding: ['A joint commissioning framework'], relationships: [] });
  });

  it('shows each objective’s latest status in programme order, and "Not yet reviewed" when none covers it', () => {
    const library = actionPlanLibraryOf([leeds, brighton], {});
    const funding = library.themes.find((theme) => theme.theme === 'funding')!.objectives[0]!;
    expect(funding.progress).toEqual({ status: 'done', occasion: 'follow-up', recordedAt: '2027-05-01T10:00:00.000Z' });
    const capacity = library.themes.find((theme) => theme.theme === 'capacity')!.objectives[0]!;
    expect(capacity.progress).toBeUndefined();
    expect(libraryCsv(library).rows).toContainEqual(['Capacity of partners', 'South East', 'Volunteer passports', 'Not yet reviewed', '']);
    expect(libraryCsv(library).rows).toContainEqual(['Funding mechanisms', 'Yorkshire and the Humber', 'A joint commissioning framework', 'Done', 'Follow-up review, 1 May 2027']);
  });

  it('filters by theme and by region', () => {
    const byTheme = actionPlanLibraryOf([leeds, brighton], { theme: 'capacity' });
    expect(byTheme.themes.map((theme) => theme.theme)).toEqual(['capacity']);
    expect(byTheme.objectives).toBe(1);
    const byRegion = actionPlanLibraryOf([leeds, brighton], { regionId: 'south-east' });
    expect(byRegion.themes.flatMap((theme) => theme.objectives.map((objective) => objective.regionName))).toEqual(['South East']);
    expect(actionPlanLibraryOf([leeds, brighton], { theme: 'representation', regionId: 'london' }).objectives).toBe(0);
  });

  it('reads a filter from an address, refusing by field what is not on the lists', () => {
    expect(libraryFilterFrom({ theme: 'funding', region: 'london' })).toEqual({ theme: 'funding', regionId: 'london' });
    expect(libraryFilterFrom({ theme: '', region: '' })).toEqual({});
    expect(() => libraryFilterFrom({ theme: 'toString', region: 'atlantis' })).toThrow(ValidationError);
    try {
      libraryFilterFrom({ theme: 'toString', region: 'atlantis' });
    } catch (error) {
      expect((error as ValidationError).fieldErrors.map((problem) => problem.field)).toEqual(['theme', 'region']);
    }
  });

  it('is anonymous by construction: no area, agreement, note or person in what it carries, on the page or in the CSV', () => {
    const library = actionPlanLibraryOf([leeds, brighton], {});
    const objectiveFields = new Set(library.themes.flatMap((theme) => theme.objectives.flatMap((objective) => Object.keys(objective))));
    expect([...objectiveFields].sort()).toEqual(['progress', 'regionId', 'regionName', 'text', 'themes']);
    const carried = JSON.stringify(library);
    for (const secret of ['leeds', 'brighton', 'Sam Rivers', 'Amira Khan', '2027-04-01']) expect(carried).not.toContain(secret);
    const page = String(libraryPage({ library, basePath: '/staff/library', chrome: {} }));
    const csv = JSON.stringify(libraryCsv(library));
    for (const secret of ['leeds', 'brighton', 'Sam Rivers', 'Amira Khan']) {
      expect(page).not.toContain(secret);
      expect(csv).not.toContain(secret);
    }
  });
});

const occasions = Object.keys(reviewOccasions) as ReviewOccasion[];
const statuses: ObjectiveStatus[] = ['not-started', 'under-way', 'done'];

describe('the latest status of an objective', () => {
  it('is the status of the latest review, in programme order, that covers the objective', () => {
    const reviewsArbitrary = fc
      .uniqueArray(fc.constantFrom(...occasions), { maxLength: 3 })
      .chain((chosen) =>
        fc.tuple(
          ...chosen.map((occasion) =>
            fc.record({ covers: fc.boolean(), status: fc.constantFrom(...statuses) }).map(({ covers, status }) => review('area', occasion, covers ? { 'objective-1': status, other: 'done' } : { other: 'done' })),
          ),
        ),
      );
    fc.assert(
      fc.property(reviewsArbitrary, (reviews) => {
        const covering = inOccasionOrder(reviews).filter((candidate) => candidate.objectives.some((objective) => objective.objectiveId === 'objective-1'));
        const latest = covering.at(-1);
        const shown = latestProgress('objective-1', reviews);
        if (!latest) return shown === undefined;
        return shown?.occasion === latest.occasion && shown.status === latest.objectives.find((objective) => objective.objectiveId === 'objective-1')?.status;
      }),
    );
  });
});

describe('choosing themes and sharing', () => {
  const agreed = plan('leeds', '2027-04-01T00:00:00.000Z', [
    { objectiveId: 'objective-1', text: 'A joint commissioning framework' },
    { objectiveId: 'objective-2', text: 'A compact refresh' },
  ]);

  it('keeps the themes in their own order, and shares only with a theme', () => {
    const objectives = objectivesWithSharing(agreed, { 'objective-1': { themes: ['relationships', 'capacity'], shared: true } });
    expect(objectives).toEqual([
      { objectiveId: 'objective-1', text: 'A joint commissioning framework', themes: ['capacity', 'relationships'], shared: true },
      { objectiveId: 'objective-2', text: 'A compact refresh', themes: [], shared: false },
    ]);
    expect(() => objectivesWithSharing(agreed, { 'objective-2': { themes: [], shared: true } })).toThrow(
      expect.objectContaining({ fieldErrors: [{ field: 'themes-objective-2', message: 'Choose at least one theme for objective 2 to share it' }] }),
    );
    expect(() => objectivesWithSharing(agreed, { 'objective-1': { themes: ['hasOwnProperty'], shared: false } })).toThrow(ValidationError);
  });

  it('sums up what changed for the timeline, and nothing when nothing did', () => {
    const after = objectivesWithSharing(agreed, { 'objective-1': { themes: ['funding'], shared: true } });
    expect(sharingChangeSummary(agreed.objectives, after)).toBe('Objective 1 shared in the library, themes Funding mechanisms.');
    expect(sharingChangeSummary(after, after)).toBe('');
    const unshared = after.map((objective) => ({ ...objective, shared: false }));
    expect(sharingChangeSummary(after, unshared)).toBe('Objective 1 no longer shared.');
    // An untagged objective of an old plan and one saved with no theme and not shared are the same choice.
    expect(sharingChangeSummary(agreed.objectives, objectivesWithSharing(agreed, {}))).toBe('');
  });

  it('knows every region and theme a filter may name', () => {
    for (const regionId of regionIds) expect(libraryFilterFrom({ region: regionId })).toEqual({ regionId });
    for (const theme of Object.keys(actionPlanThemes) as ActionPlanTheme[]) expect(libraryFilterFrom({ theme })).toEqual({ theme });
  });
});
