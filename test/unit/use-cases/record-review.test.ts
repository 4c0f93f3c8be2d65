import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '@pip/domain';
import { recordReview } from '../../../functions/src/use-cases/selection/record-review';
import { recording } from '../../support/recording-ports';
import { APPLICANTS, LEEDS, reviewedLeeds } from './fixtures';

const priya = { staffId: 'priya', name: 'Priya Shah' };
const scores = (score: number, note?: string) => ({ roleFit: score, partnershipExperience: score, commitment: score, ...(note ? { note } : {}) });

describe('recording a review', () => {
  it('logs a first review and each change, with the scores before, and nothing for the same scores again', async () => {
    const ports = reviewedLeeds();
    const { applicationId } = APPLICANTS[0]!;
    await recordReview(ports, LEEDS.areaId, applicationId, scores(4), priya);
    await recordReview(ports, LEEDS.areaId, applicationId, scores(4), priya); // A double click.
    await recordReview(ports, LEEDS.areaId, applicationId, scores(3, 'Less time than we thought'), priya);

    expect(ports.audit.entries.map((entry) => [entry.action, entry.summary])).toEqual([
      ['Application reviewed', 'Scored LA Person 1: role and seniority fit 4, partnership experience 4, commitment 4 (mean 4.00).'],
      ['Review changed', 'Scored LA Person 1: role and seniority fit 3, partnership experience 3, commitment 3 (mean 3.00).'],
    ]);
    expect(ports.audit.entries[1]).toMatchObject({ before: scores(4), after: scores(3, 'Less time than we thought'), actor: priya });
    expect((await ports.reviews.listForArea(LEEDS.areaId)).filter((review) => review.staffId === 'priya')).toHaveLength(1);
  });

  it('refuses scores out of range by field, and an application not in the area, saving nothing', async () => {
    const ports = reviewedLeeds();
    const refusal = recordReview(ports, LEEDS.areaId, APPLICANTS[0]!.applicationId, { roleFit: 9, commitment: 3 }, priya);
    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toMatchObject({ fieldErrors: [{ field: 'roleFit' }, { field: 'partnershipExperience' }] });
    await expect(recordReview(ports, LEEDS.areaId, 'PIP-NONE-0000', scores(4), priya)).rejects.toBeInstanceOf(NotFoundError);
    expect(ports.audit.entries).toEqual([]);
  });
});

describe('recording a review, in calls to the stores', () => {
  it('reads once, side by side, and only the one application and its reviews, then writes once', async () => {
    const ports = reviewedLeeds();
    const request = recording(ports);
    await recordReview(request.ports, LEEDS.areaId, APPLICANTS[0]!.applicationId, scores(4), priya);

    expect(request.recorded.readWaves).toBe(1);
    expect(request.recorded.calls).not.toContain('applications.listForArea');
    expect(request.recorded.calls).not.toContain('reviews.listForArea');
    expect(request.recorded.calls.filter((call) => call === 'reviews.save')).toHaveLength(1);
  });
});
