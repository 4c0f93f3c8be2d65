import { describe, expect, inject, it } from 'vitest';
import { makePlan } from '../simulation/plan';
import { summary } from '../simulation/report';
import { runPlan, violationsOf } from '../simulation/simulate';

/*
 * The whole-programme simulation in its small configuration: three areas, one year, faults on, for a
 * fixed seed and then for one drawn afresh (printed, so a failure can be replayed with
 * `pnpm simulate --seed N`). One after the other in one file: each run's platform is a process of its
 * own (killed with SIGKILL by the "restart" fault) on a table of its own, and on two cores two runs
 * side by side take as long as one after the other.
 */
const services = { dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint') };
const randomSeed = (Date.now() ^ (process.pid << 8)) >>> 0;

describe('the programme simulated', () => {
  for (const [which, seed] of [['a fixed seed', 20260117], ['a random seed', randomSeed]] as const) {
    it(`keeps every promise for ${which}, ${seed} (3 areas, 1 year, faults on)`, async () => {
      const plan = makePlan({ seed, areas: 3, faults: true, years: 1 });
      expect(makePlan({ seed, areas: 3, faults: true, years: 1 }).digest).toBe(plan.digest);
      const result = await runPlan(plan, services);
      console.log(`seed ${seed}\n${summary(result)}`);
      expect(violationsOf(result), `seed ${seed}: pnpm simulate --seed ${seed} --areas 3 --faults on --years 1 --shrink`).toEqual([]);
      // A guard against a hang only (never a timing): on a loaded 2-core machine a run has taken 20 minutes.
    }, 1_800_000);
  }
});
