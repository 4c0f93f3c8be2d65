/**
 * `pnpm bench`: prints figures, asserts nothing. `pnpm bench -- round-trips` (or BENCH_SECTIONS=round-trips,bundles)
 * runs only the sections named: latency, bundles, contents (what a first request reads, module by module), round-trips (with the cost drawn from the same run).
 * 1. Latency of submitting an application to the local platform beside a bare PutItem to the same
 *    DynamoDB Local, so the platform's own overhead is visible apart from the database's.
 * 2. For each function: what its heaviest first request reads of its bundle (built and split as the
 *    CDK stack builds it) and the time to import those files in a fresh Node process (import plus
 *    that route's modules), beside a bundle of only the same AWS SDK clients.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { startPlatform } from '@pip/local';
import { createDocumentClient } from '@pip/storage';
import { goodAnswers } from '../support/application-answers';
import { printCost } from './cost';
import { measureRoundTrips, printRoundTrips } from './round-trips';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

async function timed(samples: number[], action: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await action();
  samples.push(performance.now() - start);
}

async function latency(): Promise<void> {
  process.env.LOG_LEVEL = 'WARN';
  const platform = await startPlatform({ port: 0 });
  const base = platform.url.replace('localhost', '127.0.0.1');
  const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
  try {
    const submit = () =>
      fetch(`${base}/api/areas/leeds/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(goodAnswers(`bench.${randomUUID()}@example.org`)),
      }).then(async (response) => {
        if (response.status !== 201) throw new Error(`submission answered ${response.status}: ${await response.text()}`);
      });
    const put = () =>
      documents.send(new PutCommand({ TableName: platform.tableName, Item: { pk: `BENCH#${randomUUID()}`, sk: 'BENCH', payload: 'x'.repeat(1500) } }));
    for (let i = 0; i < 20; i += 1) await Promise.all([submit(), put()]); // warm both paths
    const submitSamples: number[] = [];
    const putSamples: number[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      await timed(submitSamples, submit);
      await timed(putSamples, put);
    }
    const row = (name: string, samples: number[]) => `  ${name.padEnd(36)} p50 ${ms(percentile(samples, 50)).padStart(10)}   p99 ${ms(percentile(samples, 99)).padStart(10)}`;
    console.log(`\nLatency over ${REQUESTS} sequential requests each (local platform, DynamoDB Local, SES endpoint)`);
    console.log(row('Submit application (POST /api/...)', submitSamples));
    console.log(row('Bare PutItem to DynamoDB Local', putSamples));
    console.log(
      `  ${'Ratio submit / PutItem'.padEnd(36)} p50 ${(percentile(submitSamples, 50) / percentile(putSamples, 50)).toFixed(1).padStart(9)}x   p99 ${(percentile(submitSamples, 99) / percentile(putSamples, 99)).toFixed(1).padStart(9)}x`,
    );
    console.log('  (a submission is a consistent read, a two-item transaction, and an email claimed, sent and marked sent)');
  } finally {
    documents.destroy();
    await platform.stop();
  }
}

/** Each function's bundle and cold import beside a bundle of only the SDK clients it calls: cold-starts.ts. */
const bundles = async () => (await import('./cold-starts')).coldStarts();

async function roundTrips(): Promise<void> {
  const run = await measureRoundTrips();
  printRoundTrips(run);
  printCost(run);
  // One application's every write and read, end to end, as AWS bills them (application-writes.ts).
  await (await import('./application-writes')).printApplicationWritesApart();
}

// `latency` is submit.ts's (submit beside a bare PutItem and a bare transaction, and the email's arrival); the older figure stays as `put-latency`.
const submitLatency = async () => (await import('./submit')).submitLatency();
const applicationWrites = async () => (await import('./application-writes')).printApplicationWrites();
const contents = async () => (await import('./first-request-contents')).firstRequestContents();
const sections: Record<string, () => Promise<void>> = { 'application-writes': applicationWrites, latency: submitLatency, 'put-latency': latency, bundles, contents, 'round-trips': roundTrips, cost: roundTrips };
const named = [...process.argv.slice(2).filter((arg) => arg !== '--'), ...(process.env.BENCH_SECTIONS?.split(',') ?? [])].filter(Boolean);
const unknown = named.filter((name) => !(name in sections));
if (unknown.length) throw new Error(`No bench section ${unknown.join(', ')}: choose from ${Object.keys(sections).join(', ')}`);
for (const run of new Set(named.length ? named.map((name) => sections[name]!) : [submitLatency, bundles, roundTrips])) await run();
