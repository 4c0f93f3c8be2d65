import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '@pip/domain';
import { recordProgressReview } from '@pip/functions/use-cases/progress-reviews/record-progress-review';
import { LEEDS, approvedLeeds } from './fixtures';

const SAM = { staffId: 's-1', name: 'Sam Rivers' };
const NOW = '2027-09-01T12:00:00.000Z';

async function withPlan() {
  const ports = approvedLeeds(NOW);
  await ports.actionPlans.save({
    areaId: LEEDS.areaId,
    objectives: [
      { objectiveId: 'objective-1', text: 'A joint commissioning framework' },
      { objectiveId: 'objective-2', text: 'A volunteering strategy' },
    ],
    agreedAt: '2027-06-01T00:00:00.000Z',
    agreedBy: 'Sam Rivers',
  });
  return ports;
}

describe('recording a progress review', () => {
  it('waits for the action plan: refused against the occasion, with nothing saved', async () => {
    const ports = approvedLeeds(NOW);
    const refused = recordProgressReview(ports, LEEDS.areaId, { occasion: 'session-1' }, SAM);
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toMatchObject({ field: 'occasion' });
    expect(await ports.progressReviews.list(LEEDS.areaId)).toEqual([]);
    expect(ports.audit.entries).toEqual([]);
  });

  it('needs a status for every objective, and saves nothing until it has them', async () => {
    const ports = await withPlan();
    const refused = recordProgressReview(ports, LEEDS.areaId, { occasion: 'session-2', 'status-objective-1': 'done' }, SAM);
    await expect(refused).rejects.toThrow(ValidationError);
    await expect(refused).rejects.toMatchObject({ fieldErrors: [{ field: 'status-objective-2', message: 'Select the status of objective 2' }] });
    expect(await ports.progressReviews.list(LEEDS.areaId)).toEqual([]);
  });

  it('saves the review for its occasion with notes cut to length, and sums it up in the audit log', async () => {
    const ports = await withPlan();
    const review = await recordProgressReview(
      ports,
      LEEDS.areaId,
      { occasion: 'session-2', 'status-objective-1': 'done', 'status-objective-2': 'under-way', 'note-objective-2': `  ${'x'.repeat(1200)}`, newConcerns: '  ' },
      SAM,
    );
    expect(review).toMatchObject({ occasion: 'session-2', recordedBy: 'Sam Rivers', recordedAt: NOW });
    expect(review.objectives[1]?.note).toHaveLength(1000);
    expect(review).not.toHaveProperty('newConcerns');
    expect(await ports.progressReviews.list(LEEDS.areaId)).toEqual([review]);
    expect(ports.audit.entries.map((entry) => [entry.action, entry.summary])).toEqual([['Progress review recorded', 'Consultancy session 2: objective 1 done, objective 2 under way.']]);
  });
});
