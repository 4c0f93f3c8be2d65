import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '@pip/domain';
import { actionPlanLibrary } from '@pip/functions/use-cases/library/action-plan-library';
import { chooseSharedObjectives } from '@pip/functions/use-cases/library/choose-shared-objectives';
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

describe('choosing which objectives the library shares', () => {
  it('shares a tagged objective with one decision on the timeline, and the library then holds it', async () => {
    const ports = await withPlan();
    const plan = await chooseSharedObjectives(ports, LEEDS.areaId, { 'objective-1': { themes: ['funding'], shared: true } }, 0, SAM);
    expect(plan.version).toBe(1);
    expect(ports.audit.entries).toHaveLength(1);
    expect(ports.audit.entries[0]).toMatchObject({ action: 'Action plan sharing changed', summary: 'Objective 1 shared in the library, themes Funding mechanisms.', actor: SAM });
    const library = await actionPlanLibrary(ports, {});
    expect(library.objectives).toBe(1);
    expect((await actionPlanLibrary(ports, { region: 'london' })).objectives).toBe(0);
  });

  it('refuses a save over someone else’s change, writing nothing', async () => {
    const ports = await withPlan();
    await chooseSharedObjectives(ports, LEEDS.areaId, { 'objective-1': { themes: ['funding'], shared: true } }, 0, SAM);
    const stale = chooseSharedObjectives(ports, LEEDS.areaId, { 'objective-2': { themes: ['capacity'], shared: true } }, 0, { staffId: 's-2', name: 'Ola' });
    await expect(stale).rejects.toThrow(ConflictError);
    expect(ports.audit.entries).toHaveLength(1);
    expect((await ports.actionPlans.get(LEEDS.areaId))?.objectives[1]?.shared).toBeFalsy();
  });

  it('writes nothing when nothing changed, and refuses sharing without a theme', async () => {
    const ports = await withPlan();
    await chooseSharedObjectives(ports, LEEDS.areaId, {}, 0, SAM);
    expect(ports.audit.entries).toEqual([]);
    await expect(chooseSharedObjectives(ports, LEEDS.areaId, { 'objective-2': { themes: [], shared: true } }, 0, SAM)).rejects.toThrow(ValidationError);
    expect(ports.audit.entries).toEqual([]);
  });

  it('unsharing takes the objective out of the library, with its own entry', async () => {
    const ports = await withPlan();
    await chooseSharedObjectives(ports, LEEDS.areaId, { 'objective-1': { themes: ['funding'], shared: true } }, 0, SAM);
    await chooseSharedObjectives(ports, LEEDS.areaId, { 'objective-1': { themes: ['funding'], shared: false } }, 1, SAM);
    expect((await actionPlanLibrary(ports, {})).objectives).toBe(0);
    expect(ports.audit.entries.map((entry) => entry.summary)).toEqual(['Objective 1 shared in the library, themes Funding mechanisms.', 'Objective 1 no longer shared.']);
  });
});
