import { describe, expect, it } from 'vitest';
import { objectivesFromText, progressReviewProblems, type ActionPlan } from '@pip/domain';

describe('action plan objectives', () => {
  it('are read one per line, numbering, bullets and blank lines ignored', () => {
    expect(objectivesFromText('1. A joint commissioning framework\r\n\n - A volunteering strategy\n•   Shared data\n2) Quarterly reviews  ')).toEqual([
      'A joint commissioning framework',
      'A volunteering strategy',
      'Shared data',
      'Quarterly reviews',
    ]);
    expect(objectivesFromText('  \n ')).toEqual([]);
  });
});

describe('a progress review', () => {
  const plan: ActionPlan = {
    areaId: 'leeds',
    objectives: [
      { objectiveId: 'objective-1', text: 'Framework' },
      { objectiveId: 'objective-2', text: 'Strategy' },
    ],
    agreedAt: '2027-06-01T00:00:00Z',
    agreedBy: 'Sam Rivers',
  };

  it('needs a known status for every objective', () => {
    expect(progressReviewProblems(plan, { 'objective-1': 'done', 'objective-2': 'under-way' })).toEqual([]);
    expect(progressReviewProblems(plan, { 'objective-1': 'finished' })).toEqual([
      { field: 'status-objective-1', message: 'Select the status of objective 1' },
      { field: 'status-objective-2', message: 'Select the status of objective 2' },
    ]);
  });
});
