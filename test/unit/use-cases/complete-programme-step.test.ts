import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '@pip/domain';
import { completeProgrammeStep } from '@pip/functions/use-cases/complete-programme-step';
import { programmeInMemory } from './programme-fakes';

const sam = { staffId: 'sam', name: 'Sam Staff' };

describe('recording a step the workflow waits for', () => {
  it('refuses a step the area is not at, and writes nothing', async () => {
    const programme = programmeInMemory({ now: '2027-08-01T10:00:00.000Z' });
    programme.waitAt('leeds', 'progress-reviews', 'token-reviews');
    for (const step of ['evaluation', 'selection-approval', 'anything']) {
      const refused = completeProgrammeStep(programme.ports, 'leeds', sam, { step, objectives: '' });
      await expect(refused).rejects.toThrow(ConflictError);
      await expect(refused).rejects.toMatchObject({ field: 'step' });
    }
    expect(programme.written()).toEqual({ audit: 0, schedules: 0, visits: 0, plans: 0, emails: 0, done: 0, continued: 0 });
  });

  it('needs the objectives of an agreed action plan, and writes nothing without them', async () => {
    const programme = programmeInMemory({ now: '2027-08-01T10:00:00.000Z' });
    programme.waitAt('leeds', 'action-plan', 'token-plan');
    await expect(completeProgrammeStep(programme.ports, 'leeds', sam, { step: 'action-plan', objectives: ' \n - ' })).rejects.toThrow(ValidationError);
    expect(programme.written().audit + programme.written().plans + programme.written().continued).toBe(0);

    await completeProgrammeStep(programme.ports, 'leeds', sam, { step: 'action-plan', objectives: '1. A joint commissioning framework\n2. A shared volunteering strategy' });
    expect(programme.plans.get('leeds')?.objectives).toEqual([
      { objectiveId: 'objective-1', text: 'A joint commissioning framework' },
      { objectiveId: 'objective-2', text: 'A shared volunteering strategy' },
    ]);
    expect(programme.audit.map((entry) => [entry.action, entry.summary])).toEqual([['The action plan is agreed', 'Record that the action plan is agreed: done.']]);
    expect(programme.continued).toEqual(['token-plan']);
  });

  it('closes the evaluation, in the audit log as staff did it', async () => {
    const programme = programmeInMemory({ now: '2027-10-01T10:00:00.000Z' });
    programme.waitAt('leeds', 'evaluation', 'token-evaluation');
    await completeProgrammeStep(programme.ports, 'leeds', sam, { step: 'evaluation', objectives: '' });
    expect(programme.closedEvaluations).toEqual(['leeds']);
    expect(programme.audit.map((entry) => entry.action)).toEqual(['Closed the evaluation']);
    expect(programme.continued).toEqual(['token-evaluation']);
  });
});
