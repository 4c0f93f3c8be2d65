import { describe, expect, inject, it } from 'vitest';
import { digestOf, makePlan, type Plan } from '../simulation/plan';
import { replayFails, shrink } from '../simulation/shrink';

/*
 * The simulation's checks can fail, and its shrinking finds the shortest trace: the checker is told to
 * see the first acknowledgement of an application twice (`--inject duplicate-email`), which only a run
 * with that area and one application can show. Each replay is a whole run in a process of its own, so
 * the plan is the first few actions of a drawn one.
 */
const services = { dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint') };

function firstActions(plan: Plan): Plan {
  const applies = plan.actions.filter((action) => action.kind === 'apply' && action.area === 0);
  const end = plan.actions.indexOf(applies[1]!) + 1;
  const actions = plan.actions.slice(0, end).filter((action) => action.kind === 'add-area' || action.kind === 'apply');
  return { ...plan, actions, digest: digestOf(plan.areas, actions) };
}

describe('shrinking a failing simulation', () => {
  it('reports an injected duplicate email, then finds the two actions that reproduce it', async () => {
    // One area: its three actions are the whole plan, so no replay goes on trying fewer areas.
    const plan = firstActions(makePlan({ seed: 7, areas: 1, faults: false, years: 1 }));
    const invariant = 'each-email-once-per-event';
    expect(await replayFails({ plan, inject: 'duplicate-email' }, invariant, services), 'the injected duplicate is reported').toBe(true);

    const log: string[] = [];
    const shortest = await shrink(plan, [{ invariant, detail: 'injected', area: 0 }], { services, inject: 'duplicate-email', tries: 12, log: (line) => log.push(line) });
    console.log(log.join('\n'));

    expect(shortest.plan.actions.map((action) => `${action.kind} ${'area' in action ? action.area : ''}`)).toEqual(['add-area 0', 'apply 0']);
    expect(shortest.plan.actions.length).toBeLessThan(plan.actions.length);
  }, 600_000);
});
