import { describe, expect, it } from 'vitest';
import { startAreaWorkflows } from '@pip/functions/use-cases/delivery/start-area-workflows';
import { approvedLeeds, LEEDS, reviewedLeeds } from './fixtures';

describe('an approval that stopped part-way', () => {
  it('is completed by the platform: the workflow waiting for the approval is told to go on, once', async () => {
    // The approval was stored, then the request died before telling the workflow.
    const ports = approvedLeeds('2027-02-10T10:00:00.000Z');
    await ports.progress.save({ areaId: LEEDS.areaId, stage: 'selection', history: [] });
    await ports.staffSteps.hold(LEEDS.areaId, 'selection-approval', 'token-of-the-waiting-step', '2027-02-03T10:00:00.000Z');

    expect(await startAreaWorkflows(ports)).toEqual({ started: 0, approvalsCompleted: 1 });
    expect(ports.workflow.continued).toEqual(['token-of-the-waiting-step']);
    expect(await startAreaWorkflows(ports)).toEqual({ started: 0, approvalsCompleted: 0 });
    expect(ports.workflow.continued).toEqual(['token-of-the-waiting-step']);
  });

  it('leaves alone an area whose selection is not approved yet', async () => {
    const ports = reviewedLeeds('2027-02-10T10:00:00.000Z');
    await ports.progress.save({ areaId: LEEDS.areaId, stage: 'selection', history: [] });
    await ports.staffSteps.hold(LEEDS.areaId, 'selection-approval', 'token', '2027-02-03T10:00:00.000Z');
    expect(await startAreaWorkflows(ports)).toEqual({ started: 0, approvalsCompleted: 0 });
    expect(ports.workflow.continued).toEqual([]);
  });
});
