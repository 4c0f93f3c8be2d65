import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluationFigures, percent, publishedReportRules, ratingInWords, reportNames, withheldWhenFew, type EvaluationAnswers } from '@pip/domain';

const answer = (overrides: Partial<EvaluationAnswers> = {}): EvaluationAnswers => ({
  materials: 'good',
  content: 'excellent',
  facilitation: 'fair',
  knowledgeIncreased: 'yes',
  abilityIncreased: 'no',
  metExpectations: 'partly',
  ...overrides,
});

describe('evaluation figures', () => {
  it('give the response rate and the share rating each dimension good or excellent', () => {
    const figures = evaluationFigures(8, [answer(), answer({ content: 'poor', facilitation: 'good' }), answer({ metExpectations: 'yes' }), answer({ materials: 'fair' })]);
    expect(figures.responseRate).toBe(0.5);
    expect(figures.goodOrExcellent).toEqual({ materials: 0.75, content: 0.75, facilitation: 0.25 });
    expect(figures.knowledgeIncreased).toBe(1);
    expect(figures.abilityIncreased).toBe(0);
    expect(figures.metExpectations).toBe(0.25);
    expect(percent(figures.goodOrExcellent.content)).toBe('75%');
  });

  it('say there is nothing to report rather than dividing by zero', () => {
    const none = evaluationFigures(0, []);
    expect(none.responseRate).toBeUndefined();
    expect(none.goodOrExcellent.content).toBeUndefined();
    expect(percent(none.goodOrExcellent.content)).toBe('no responses');
    const asked = evaluationFigures(12, []);
    expect(asked.responseRate).toBe(0);
    expect(asked.goodOrExcellent.materials).toBeUndefined();
  });
});

describe('figures for publication', () => {
  const ratings = ['poor', 'fair', 'good', 'excellent'] as const;
  const someAnswer = fc.record({ materials: fc.constantFrom(...ratings), content: fc.constantFrom(...ratings), facilitation: fc.constantFrom(...ratings) }).map((rated) => answer(rated));

  it('withhold every rating of fewer responses than the rule allows, keep the counts, and keep larger groups whole', () => {
    fc.assert(
      fc.property(fc.array(someAnswer, { maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (answers, notAnswering) => {
        const figures = evaluationFigures(answers.length + notAnswering, answers);
        const shown = withheldWhenFew(figures);
        expect(shown.responses).toBe(figures.responses);
        expect(shown.responseRate).toBe(figures.responseRate);
        const few = answers.length > 0 && answers.length < publishedReportRules.fewestResponses;
        if (few) {
          expect(shown.withheld).toBe(true);
          expect(Object.values(shown.goodOrExcellent).every((share) => share === undefined)).toBe(true);
          expect([shown.knowledgeIncreased, shown.abilityIncreased, shown.metExpectations]).toEqual([undefined, undefined, undefined]);
          expect(ratingInWords(shown, shown.goodOrExcellent.content)).toBe('withheld');
        } else {
          expect(shown).toEqual(figures);
        }
      }),
    );
  });
});

describe('area names in a report', () => {
  const joining = (areaId: string, name: string, opensAt: string) => ({ areaId, name, recruitment: { opensAt } });
  const areas = [
    joining('leeds', 'Leeds', '2027-01-04T09:00:00.000Z'),
    joining('kent', 'Kent', '2027-05-03T08:00:00.000Z'),
    joining('devon', 'Devon', '2027-03-01T09:00:00.000Z'),
    joining('cumbria', 'Cumbria', '2026-11-02T09:00:00.000Z'),
  ];

  it('are the real names for staff', () => {
    expect(reportNames(areas, false).get('kent')).toBe('Kent');
  });

  it('are Area 1 to Area n for publication, the same each time, whatever order the areas come in', () => {
    const published = reportNames(areas, true);
    expect([...published.values()].sort()).toEqual(['Area 1', 'Area 2', 'Area 3', 'Area 4']);
    expect(reportNames([...areas].reverse(), true)).toEqual(published);
    const alphabetical = [...areas].sort((a, b) => a.name.localeCompare(b.name)).map((area) => published.get(area.areaId));
    expect(alphabetical).not.toEqual(['Area 1', 'Area 2', 'Area 3', 'Area 4']);
  });

  it('keep every area its number when a later area joins the programme', () => {
    const before = reportNames(areas, true);
    const after = reportNames([...areas, joining('devonport', 'Devonport', '2027-09-06T08:00:00.000Z')], true);
    for (const [areaId, name] of before) expect(after.get(areaId)).toBe(name);
    expect(after.get('devonport')).toBe('Area 5');
  });
});
