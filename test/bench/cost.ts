/**
 * What the measured run would cost in AWS at list price: 1,000 applications, and one area's whole
 * lifecycle, from the consumed capacity DynamoDB Local reported, the requests' measured durations
 * and the state transitions the local workflow runner counted. Prints; asserts nothing.
 */
import type { CallTally } from './dynamo-calls';
import type { RoundTripRun, RouteMeasure } from './round-trips';

/**
 * List prices, US dollars, Europe (London) eu-west-2, on-demand, first tier, from aws.amazon.com/<service>/pricing.
 * Checked again on 26 November 2026 for DynamoDB: on-demand throughput prices were halved from
 * 1 November 2024 (AWS's on-demand pricing page, aws.amazon.com/dynamodb/pricing/on-demand/, defines the
 * units used here: a write request unit per KB written, two per KB in a transaction; the cut and the
 * US East figures after it, $0.625 per million WRU and $0.125 per million RRU, as reported in July and
 * August 2025). The London figures below are those halved prices (London before the cut: $1.4846 and
 * $0.297 per million), the same 1.1877 times US East as before. The London table itself could not be
 * read from this machine: check it before quoting the figures, since nothing here fetches prices.
 */
export const prices = {
  date: '2026-11-26',
  region: 'eu-west-2',
  /** Lambda, Arm (the functions are arm64, 512 MB: infra/src/constructs/platform-function.ts). */
  lambdaPerGbSecond: 0.0000133334,
  lambdaPerRequest: 0.2 / 1e6,
  /** API Gateway HTTP API, first 300 million requests a month. */
  apiPerRequest: 1.11 / 1e6,
  /** DynamoDB on-demand, Standard table class. */
  perReadRequestUnit: 0.1485 / 1e6,
  perWriteRequestUnit: 0.7423 / 1e6,
  /** Step Functions Standard workflows. */
  perStateTransition: 0.025 / 1000,
  /** SES outbound email (attachments' data not counted). */
  perEmail: 0.1 / 1000,
};

/**
 * The environment before any local platform of this process started (this module is loaded with the
 * bench): a platform writes its endpoints and its clock's offset into `process.env`, which a process
 * started afterwards (application-writes.ts) must not inherit.
 */
export const environmentAtStart: NodeJS.ProcessEnv = { ...process.env };

const MEMORY_GB = 512 / 1024;
/**
 * Almost every request meets a cold function on a platform this quiet, and Lambda bills the
 * initialisation phase too. The cold import medians in the bundles section of this bench are the figure
 * to use; this is the one assumed here, added to each request's measured duration.
 */
const COLD_INIT_MS = Number(process.env.BENCH_COLD_INIT_MS ?? 300);

const GOAL_PER_THOUSAND_APPLICATIONS = 0.01;
const GOAL_PER_AREA_LIFECYCLE = 0.01;

interface Cost {
  lambda: number;
  api: number;
  dynamo: number;
}

const total = (cost: Cost) => cost.lambda + cost.api + cost.dynamo;

/** One request's cost: a Lambda invocation through the HTTP API, its duration (cold), and its table capacity. */
function requestCost(tally: CallTally, viaApi = true): Cost {
  return {
    lambda: prices.lambdaPerRequest + MEMORY_GB * ((tally.ms + COLD_INIT_MS) / 1000) * prices.lambdaPerGbSecond,
    api: viaApi ? prices.apiPerRequest : 0,
    dynamo: tally.rcu * prices.perReadRequestUnit + tally.wcu * prices.perWriteRequestUnit,
  };
}

const sum = (costs: Cost[]): Cost => costs.reduce((a, b) => ({ lambda: a.lambda + b.lambda, api: a.api + b.api, dynamo: a.dynamo + b.dynamo }), { lambda: 0, api: 0, dynamo: 0 });
const scale = (cost: Cost, by: number): Cost => ({ lambda: cost.lambda * by, api: cost.api * by, dynamo: cost.dynamo * by });

/** The mean cost of one request to a route, over every request the run made to it. */
function meanRequestCost(measure: RouteMeasure | undefined): Cost {
  if (!measure) return { lambda: 0, api: 0, dynamo: 0 };
  return scale(sum(measure.requests.map((request) => requestCost(request))), 1 / measure.requests.length);
}

const dollars = (value: number) => `$${value.toFixed(value < 0.01 ? 5 : 4)}`;
const line = (name: string, cost: Cost, goal?: number) =>
  console.log(
    `  ${name.padEnd(52)} ${dollars(total(cost)).padStart(10)}   Lambda ${dollars(cost.lambda).padStart(9)}   API ${dollars(cost.api).padStart(9)}   DynamoDB ${dollars(cost.dynamo).padStart(9)}${goal === undefined ? '' : `   goal <= ${dollars(goal)}: ${total(cost) <= goal ? 'met' : 'NOT met'}`}`,
  );

export function printCost(run: RoundTripRun): void {
  console.log(`\nCost at AWS list price (${prices.region}, prices of ${prices.date}; Lambda arm64 512 MB, each request billed ${COLD_INIT_MS} ms of cold initialisation on top of its measured local duration)`);
  console.log(
    `  prices: Lambda $${prices.lambdaPerGbSecond}/GB-s + $${(prices.lambdaPerRequest * 1e6).toFixed(2)}/M requests; HTTP API $${(prices.apiPerRequest * 1e6).toFixed(2)}/M; DynamoDB $${(prices.perReadRequestUnit * 1e6).toFixed(4)}/M RRU, $${(prices.perWriteRequestUnit * 1e6).toFixed(4)}/M WRU; Step Functions $${(prices.perStateTransition * 1000).toFixed(3)}/1,000 transitions; SES $${(prices.perEmail * 1000).toFixed(2)}/1,000 emails`,
  );
  const measure = (key: string) => run.measures.get(key);
  // Sending an email outside the request (from the table's stream, or the minute's delivery run): the table work of all of them, shared by every email sent.
  const delivery: Cost = {
    lambda: run.delivery.runs * prices.lambdaPerRequest + MEMORY_GB * ((run.delivery.ms + run.delivery.runs * COLD_INIT_MS) / 1000) * prices.lambdaPerGbSecond,
    api: 0,
    dynamo: (run.delivery.rcu + run.background.rcu) * prices.perReadRequestUnit + (run.delivery.wcu + run.background.wcu) * prices.perWriteRequestUnit,
  };
  const perEmail = scale(delivery, 1 / Math.max(1, run.emailsSent));
  const byApi = sum([meanRequestCost(measure('POST /api/areas/{areaId}/applications')), perEmail]);
  line('1,000 applications through the JSON API', scale(byApi, 1000), GOAL_PER_THOUSAND_APPLICATIONS);
  const submitted = measure('POST /api/areas/{areaId}/applications')?.requests ?? [];
  const wcu = submitted.reduce((units, request) => units + request.wcu, 0) / Math.max(1, submitted.length);
  console.log(
    // DynamoDB Local sums a transaction's item sizes before rounding to the KB and leaves out its ConditionCheck;
    // AWS rounds each item up and bills the check, so the figure by item (`pnpm bench -- latency`) is the one to quote.
    `  ${'  (each application\'s transaction, as Local reports it:'.padEnd(52)} ${wcu.toFixed(1).padStart(6)} WCU = ${dollars(wcu * prices.perWriteRequestUnit * 1000).padStart(9)} per 1,000; item by item, as AWS bills, with its delivery: the trace below)`,
  );
  const byForm = sum([meanRequestCost(measure('GET /apply/{areaId}')), meanRequestCost(measure('POST /apply/{areaId}')), meanRequestCost(measure('POST /apply/{areaId}/send')), perEmail]);
  line('1,000 applications through the form (3 requests each)', scale(byForm, 1000), GOAL_PER_THOUSAND_APPLICATIONS);
  console.log(`  ${'  (each with one email delivered outside the request, at'.padEnd(52)} ${dollars(total(perEmail) * 1000).padStart(10)} per 1,000: the run's delivery work shared by its emails)`);
  console.log(`  ${'  their confirmation emails, counted apart'.padEnd(52)} ${dollars(1000 * prices.perEmail).padStart(10)}   (SES, one email each)`);

  // The lifecycle: every request but the applications themselves, the workflow's task functions and transitions, and the email delivery runs.
  const applications = new Set(['POST /api/areas/{areaId}/applications', 'GET /apply/{areaId}', 'POST /apply/{areaId}', 'POST /apply/{areaId}/send']);
  const requests = sum([...run.measures.entries()].filter(([key]) => !applications.has(key)).flatMap(([, m]) => m.requests.map((request) => requestCost(request))));
  const requestCount = [...run.measures.entries()].filter(([key]) => !applications.has(key)).reduce((count, [, m]) => count + m.requests.length, 0);
  const tasks: Cost = {
    lambda: run.workflowTasks * prices.lambdaPerRequest + MEMORY_GB * ((run.workflowTaskMs + run.workflowTasks * COLD_INIT_MS) / 1000) * prices.lambdaPerGbSecond,
    api: 0,
    dynamo: run.workflow.rcu * prices.perReadRequestUnit + run.workflow.wcu * prices.perWriteRequestUnit,
  };
  const transitions = run.transitions * prices.perStateTransition;
  const lifecycle = sum([requests, tasks, delivery]);
  console.log(`  One area's lifecycle, ${run.applicationsByApi} applicants (${run.finalStage === 'complete' ? 'recruitment to complete' : `recruitment to ${run.finalStage ?? 'unknown'}`}):`);
  line(`    ${requestCount} staff and participant requests`, requests);
  line(`    ${run.workflowTasks} workflow task invocations (${(run.workflowTaskMs / 1000).toFixed(1)} s)`, tasks);
  line(`    email delivery (${run.delivery.runs} scheduled runs, and from the stream)`, delivery);
  console.log(`  ${`    ${run.transitions} Step Functions state transitions`.padEnd(52)} ${dollars(transitions).padStart(10)}`);
  const lifecycleTotal = total(lifecycle) + transitions;
  console.log(`  ${'    the lifecycle in all'.padEnd(52)} ${dollars(lifecycleTotal).padStart(10)}   goal <= ${dollars(GOAL_PER_AREA_LIFECYCLE)}: ${lifecycleTotal <= GOAL_PER_AREA_LIFECYCLE ? 'met' : 'NOT met'}`);
  console.log(`  ${'    its emails, counted apart'.padEnd(52)} ${dollars(run.emailsSent * prices.perEmail).padStart(10)}   (${run.emailsSent} emails through SES in the whole run)`);
  console.log('  (not counted: storage, CloudFront and WAF, CloudWatch logs and alarms, the minute and five-minute schedules running with nothing to do)');
}
