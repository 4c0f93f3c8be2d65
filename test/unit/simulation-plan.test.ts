import { describe, expect, it } from 'vitest';
import { makePlan, type Action } from '../simulation/plan';

const kills = (seed: number) =>
  makePlan({ seed, areas: 6, faults: true, years: 1 }).actions.filter((action): action is Extract<Action, { kind: 'fault' }> => action.kind === 'fault' && action.fault === 'restart');

describe('the simulation plan', () => {
  it('draws each kill during a request or a move of the clock at a moment of its own, the same for the same seed', () => {
    const drawn = [1, 2, 3, 4, 5, 6, 7, 8].flatMap(kills);
    const during = drawn.filter((kill) => kill.during !== 0);
    expect(during.length).toBeGreaterThan(0);
    for (const kill of during) expect(kill.afterMs).toBeGreaterThanOrEqual(0);
    for (const kill of during.filter((one) => one.during === 1)) expect(kill.afterMs).toBeLessThanOrEqual(250);
    for (const kill of during.filter((one) => one.during === 2)) expect(kill.afterMs).toBeLessThanOrEqual(1500);
    // Not one fixed moment: the seed decides.
    expect(new Set(during.map((kill) => kill.afterMs)).size).toBeGreaterThan(1);
    // A kill between requests has no moment.
    for (const kill of drawn.filter((one) => one.during === 0)) expect(kill.afterMs).toBeUndefined();
    expect(kills(3)).toEqual(kills(3));
  });
});
