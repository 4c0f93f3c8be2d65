import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal, startSesLocal, freePort } from '@pip/local';
import type { Injection } from './mailbox';
import { makePlan, type Plan } from './plan';
import { summary } from './report';
import { runSeed, seedLine, tablesMadeFrom } from './seeds';
import { shrink, type Replay, type ReplayOutcome } from './shrink';
import { describe, runPlan, violationsOf } from './simulate';

/**
 * `pnpm simulate --seed N --areas N --faults on|off --years N [--shrink]`: the whole programme against
 * the local platform, with seeded choices and faults, and every invariant checked. Exit code 1 when
 * an invariant failed. `--replay <file>` plays a plan written by the shrinker (in a process of its own)
 * and writes what broke beside it; `--inject duplicate-email` breaks a check on purpose, for the tests.
 * `--runs N` (consecutive seeds from `--seed`) or `--seeds a,b,c` plays each seed in a process of its
 * own, with emulators of its own, one line each, and stops at the first that breaks an invariant (exit
 * code 1, with its seed).
 */
const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    areas: { type: 'string', default: '9' },
    faults: { type: 'string', default: 'on' },
    years: { type: 'string', default: '3' },
    shrink: { type: 'boolean', default: false },
    'shrink-tries': { type: 'string', default: '40' },
    replay: { type: 'string' },
    inject: { type: 'string' },
    runs: { type: 'string' },
    seeds: { type: 'string' },
    /** Where a single run writes its whole result as JSON (for `--runs`). */
    result: { type: 'string' },
    'dynamo-endpoint': { type: 'string' },
    'ses-endpoint': { type: 'string' },
  },
});
const given = { ...(values['dynamo-endpoint'] ? { dynamoEndpoint: values['dynamo-endpoint'] } : {}), ...(values['ses-endpoint'] ? { sesEndpoint: values['ses-endpoint'] } : {}) };
const inject = values.inject as Injection | undefined;

if (values.replay) {
  const replay = JSON.parse(readFileSync(values.replay, 'utf8')) as Replay;
  const result = await runPlan(replay.plan, given, () => undefined, replay.inject);
  const outcome: ReplayOutcome = { violations: violationsOf(result), seconds: result.seconds };
  writeFileSync(`${values.replay}.result.json`, JSON.stringify(outcome));
  process.exit(outcome.violations.length > 0 ? 1 : 0);
}

if (values.runs || values.seeds) await runSeeds();

const seed = values.seed === undefined ? (Date.now() ^ process.pid) >>> 0 : Number(values.seed);
const options = { seed, areas: Number(values.areas), faults: values.faults !== 'off', years: Number(values.years) };
const plan = makePlan(options);
console.log(`Simulating seed ${seed}: ${options.areas} areas, ${options.years} years, faults ${options.faults ? 'on' : 'off'}; plan digest ${plan.digest} (${plan.actions.length} actions)`);
const result = await runPlan(plan, given, console.log, inject);
if (values.result) writeFileSync(values.result, JSON.stringify(result));
console.log(summary(result));
const violations = violationsOf(result);
if (violations.length > 0) {
  const first = violations[0]!;
  console.log(`\nFAILED: seed ${seed}, invariant ${first.invariant}: ${first.detail}`);
  if (values.shrink) await printShortest(plan, violations);
  else console.log('Run again with --shrink for the shortest trace that still fails.');
}
process.exit(violations.length > 0 ? 1 : 0);

async function printShortest(plan: Plan, violations: ReturnType<typeof violationsOf>): Promise<void> {
  const began = Date.now();
  // One DynamoDB Local and one SES endpoint for every replay: each replay makes a table of its own.
  const { services: { dynamoEndpoint, sesEndpoint }, stop } = await sharedServices();
  try {
    console.log(`Shrinking: replays of smaller runs, each in a process of its own, until none smaller breaks ${violations[0]!.invariant}`);
    const shortest = await shrink(plan, violations, { services: { dynamoEndpoint, sesEndpoint }, tries: Number(values['shrink-tries']), log: console.log, ...(inject ? { inject } : {}) });
    console.log(`Shortest trace found for seed ${plan.options.seed}, invariant ${violations[0]!.invariant} (${shortest.plan.areas.length} areas, ${shortest.plan.actions.length} actions, digest ${shortest.plan.digest}; ${shortest.replays} replays in ${((Date.now() - began) / 1000).toFixed(1)} s):`);
    for (const action of shortest.plan.actions) console.log(`  ${describe(action)}`);
  } finally {
    await stop();
  }
}

/**
 * Seed after seed, each in a process of its own on a DynamoDB Local and an SES endpoint of its own
 * (unless endpoints are given): sharing one, each seed took longer than the one before (75 s for the
 * first of a series, 658 s for the tenth, the machine idle), even with each passing seed's table
 * dropped. Exits.
 */
async function runSeeds(): Promise<never> {
  const first = values.seed === undefined ? (Date.now() ^ process.pid) >>> 0 : Number(values.seed);
  const seeds = values.seeds ? values.seeds.split(',').map(Number) : Array.from({ length: Number(values.runs) }, (_, index) => first + index);
  const options = { areas: Number(values.areas), years: Number(values.years), faults: values.faults !== 'off' };
  const began = Date.now();
  console.log(`Simulating ${seeds.length} seeds (${seeds[0]}${seeds.length > 1 ? ` to ${seeds.at(-1)}` : ''}): ${options.areas} areas, ${options.years} years, faults ${options.faults ? 'on' : 'off'}, each in a process of its own`);
  for (const seed of seeds) {
    const { services, stop } = await sharedServices();
    try {
      const tables = await tablesMadeFrom(services.dynamoEndpoint);
      const line = await runSeed(seed, options, services);
      // A failing seed's table stays, to be looked at, where the endpoint was given and outlives the run.
      if (!line.failure) await tables.dropNew();
      console.log(seedLine(line));
      if (line.failure) {
        console.log(`\nFAILED at seed ${seed}: pnpm simulate --seed ${seed} --areas ${options.areas} --years ${options.years} --faults ${options.faults ? 'on' : 'off'} --shrink`);
        await stop();
        process.exit(1);
      }
    } finally {
      await stop();
    }
  }
  console.log(`All ${seeds.length} seeds kept every invariant, in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  process.exit(0);
}

/** The emulators every child run shares (each makes a table of its own): those given, or started here. */
async function sharedServices(): Promise<{ services: { dynamoEndpoint: string; sesEndpoint: string }; stop: () => Promise<void> }> {
  const stops: (() => Promise<void>)[] = [];
  let dynamoEndpoint = given.dynamoEndpoint;
  if (!dynamoEndpoint) {
    const dynamo = await startDynamoDbLocal({ port: await freePort() });
    stops.push(dynamo.stop);
    dynamoEndpoint = dynamo.endpoint;
  }
  let sesEndpoint = given.sesEndpoint;
  if (!sesEndpoint) {
    const ses = await startSesLocal({ port: 0 });
    stops.push(ses.stop);
    sesEndpoint = ses.endpoint;
  }
  return {
    services: { dynamoEndpoint, sesEndpoint },
    stop: async () => {
      for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
    },
  };
}
