import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '@pip/domain';
import { completeProgrammeStep } from '@pip/functions/use-cases/delivery/complete-programme-step';
import { memoryPorts } from '../../support/memory-ports';
import { LEEDS } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Staff' };

/** Leeds, its workflow waiting for staff at `step` on `token`. */
async function waitingAt(now: string, step: 'progress-reviews' | 'action-plan' | 'evaluation', token: string) {
  const ports = memoryPorts({ now, areas: [LEEDS] });
  await ports.staffSteps.hold('leeds', step, token, now);
  return ports;
}

describe('recording a step the workflow waits for', () => {
  it('refuses a step the area is not at, and writes nothing', async () => {
    const ports = await waitingAt('2027-08-01T10:00:00.000Z', 'progress-reviews', 'token-reviews');
    const before = ports.snapshot();
    for (const step of ['evaluation', 'selection-approval', 'anything']) {
      const refused = completeProgrammeStep(ports, 'leeds', sam, { step, objectives: '' });
      await expect(refused).rejects.toThrow(ConflictError);
      await expect(refused).rejects.toMatchObject({ field: 'step' });
    }
    expect(ports.snapshot()).toEqual(before);
  });

  it('needs the objectives of an agreed action plan, and writes nothing without them', async () => {
    const ports = await waitingAt('2027-08-01T10:00:00.000Z', 'action-plan', 'token-plan');
    const before = ports.snapshot();
    await expect(completeProgrammeStep(ports, 'leeds', sam, { step: 'action-plan', objectives: ' \n - ' })).rejects.toThrow(ValidationError);
    expect(ports.snapshot()).toEqual(before);

    await completeProgrammeStep(ports, 'leeds', sam, { step: 'action-plan', objectives: '1. A joint commissioning framework\n2. A shared volunteering strategy' });
    expect((await ports.actionPlans.get('leeds'))?.objectives).toEqual([
      { objectiveId: 'objective-1', text: 'A joint commissioning framework' },
      { objectiveId: 'objective-2', text: 'A shared volunteering strategy' },
    ]);
    expect(ports.audit.entries.map((entry) => [entry.action, entry.summary])).toEqual([['The action plan is agreed', 'Record that the action plan is agreed: done.']]);
    expect(ports.workflow.continued).toEqual(['token-plan']);
  });

  it('closes the evaluation, in the audit log as staff did it', async () => {
    const ports = await waitingAt('2027-10-01T10:00:00.000Z', 'evaluation', 'token-evaluation');
    await ports.evaluation.open({ areaId: 'leeds', openedAt: '2027-07-01T10:00:00.000Z', invited: 2 });
    await completeProgrammeStep(ports, 'leeds', sam, { step: 'evaluation', objectives: '' });
    expect((await ports.evaluation.survey('leeds'))?.closedAt).toBe('2027-10-01T10:00:00.000Z');
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Closed the evaluation']);
    expect(ports.workflow.continued).toEqual(['token-evaluation']);
  });
});
