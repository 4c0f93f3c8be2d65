import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '@pip/domain';
import { recordProgressReview } from '@pip/functions/use-cases/record-progress-review';
import { AREA, consultancyInMemory } from './consultancy-fakes';

const SAM = { staffId: 's-1', name: 'Sam Rivers' };

function withPlan() {
  const memory = consultancyInMemory({ now: '2027-09-01T12:00:00.000Z' });
  memory.plans.set(AREA.areaId, {
    areaId: AREA.areaId,
    objectives: [
      { objectiveId: 'objective-1', text: 'A joint commissioning framework' },
      { objectiveId: 'objective-2', text: 'A volunteering strategy' },
    ],
    agreedAt: '2027-06-01T00:00:00.000Z',
    agreedBy: 'Sam Rivers',
  });
  return memory;
}

describe('recording a progress review', () => {
  it('waits for the action plan: refused against the occasion, with nothing saved', async () => {
    const memory = consultancyInMemory({ now: '2027-09-01T12:00:00.000Z' });
    const refused = recordProgressReview(memory.ports, AREA.areaId, { occasion: 'session-1' }, SAM);
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toMatchObject({ field: 'occasion' });
    expect(memory.reviews).toEqual([]);
    expect(memory.audit).toEqual([]);
  });

  it('needs a status for every objective, and saves nothing until it has them', async () => {
    const memory = withPlan();
    const refused = recordProgressReview(memory.ports, AREA.areaId, { occasion: 'session-2', 'status-objective-1': 'done' }, SAM);
    await expect(refused).rejects.toThrow(ValidationError);
    await expect(refused).rejects.toMatchObject({ fieldErrors: [{ field: 'status-objective-2', message: 'Select the status of objective 2' }] });
    expect(memory.reviews).toEqual([]);
  });

  it('saves the review for its occasion with notes cut to length, and sums it up in the audit log', async () => {
    const memory = withPlan();
    const review = await recordProgressReview(
      memory.ports,
      AREA.areaId,
      { occasion: 'session-2', 'status-objective-1': 'done', 'status-objective-2': 'under-way', 'note-objective-2': `  ${'x'.repeat(1200)}`, newConcerns: '  ' },
      SAM,
    );
    expect(review).toMatchObject({ occasion: 'session-2', recordedBy: 'Sam Rivers', recordedAt: '2027-09-01T12:00:00.000Z' });
    expect(review.objectives[1]?.note).toHaveLength(1000);
    expect(review).not.toHaveProperty('newConcerns');
    expect(memory.audit.map((entry) => [entry.action, entry.summary])).toEqual([['Progress review recorded', 'Consultancy session 2: objective 1 done, objective 2 under way.']]);
  });
});
