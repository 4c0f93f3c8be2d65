/**
 * `pnpm bench`: prints figures, asserts nothing.
 * 1. Latency of submitting an application to the local platform beside a bare PutItem to the same
 *    DynamoDB Local, so the platform's own overhead is visible apart from the database's.
 * 2. For each function: its minified bundle (built as the CDK stack builds it) and its cold import
 *    time in a fresh Node process, beside a bundle of only the same AWS SDK clients.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { build, type Metafile } from 'esbuild';
import { handlerEntry } from '@pip/functions/function-entries';
import { platformFunctions } from '@pip/functions/routes';
import { bundlingDefaults } from '@pip/infra/bundling';
import { startPlatform } from '@pip/local';
import { createDocumentClient } from '@pip/storage';
import { goodAnswers } from '../support/application-answers';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 7);
const outDir = join(import.meta.dirname, '../../.bench');

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

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

async function bundle(entry: { file?: string; contents?: string }, outfile: string): Promise<Metafile> {
  const result = await build({
    ...(entry.file ? { entryPoints: [entry.file] } : { stdin: { contents: entry.contents!, resolveDir: import.meta.dirname, loader: 'ts' } }),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: bundlingDefaults.minify,
    target: bundlingDefaults.target,
    mainFields: bundlingDefaults.mainFields,
    banner: { js: bundlingDefaults.banner },
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** The SDK client packages a bundle pulled in, by the package directories of its inputs. */
function sdkClients(metafile: Metafile): string[] {
  const packages = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/(@aws-sdk\/(client-[\w-]+|lib-dynamodb))\//u.exec(input);
    if (match) packages.add(match[1]!);
  }
  return [...packages].sort();
}

const CLIENT_EXPORTS: Record<string, string> = {
  '@aws-sdk/client-dynamodb': 'DynamoDBClient',
  '@aws-sdk/lib-dynamodb': 'DynamoDBDocumentClient',
  '@aws-sdk/client-ses': 'SESClient',
  '@aws-sdk/client-sesv2': 'SESv2Client',
  '@aws-sdk/client-sfn': 'SFNClient',
};

function coldImportMs(file: string): number {
  const samples: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i += 1) {
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`],
      { encoding: 'utf8', env: { ...process.env, TABLE_NAME: 'bench', MAIL_FROM: 'bench@example.org', NODE_NO_WARNINGS: '1' } },
    );
    samples.push(Number(output.trim().split('\n').pop()));
  }
  return percentile(samples, 50);
}

async function bundles(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  console.log(`\nBundles (minified ESM for Node 22, AWS SDK bundled, as the CDK stack builds them); cold import is the median of ${IMPORT_RUNS} fresh Node processes`);
  console.log(`  ${'function'.padEnd(18)} ${'bundle'.padStart(10)} ${'SDK-only'.padStart(10)} ${'ratio'.padStart(6)}   ${'import'.padStart(10)} ${'SDK-only'.padStart(10)} ${'ratio'.padStart(6)}   SDK clients`);
  for (const fn of platformFunctions) {
    const file = join(outDir, `${fn.name}.mjs`);
    const metafile = await bundle({ file: handlerEntry(fn.name) }, file);
    const clients = sdkClients(metafile);
    const baselineFile = join(outDir, `${fn.name}.sdk-only.mjs`);
    const exports = clients.map((pkg) => (CLIENT_EXPORTS[pkg] ? `export { ${CLIENT_EXPORTS[pkg]} } from '${pkg}';` : `export * from '${pkg}';`)).join('\n');
    writeFileSync(join(outDir, `${fn.name}.sdk-only.ts`), exports || 'export {};');
    await bundle({ contents: exports || 'export {};' }, baselineFile);
    const size = statSync(file).size;
    const baselineSize = statSync(baselineFile).size;
    const importMs = coldImportMs(file);
    const baselineImportMs = coldImportMs(baselineFile);
    // A function with no SDK client has no baseline to compare with.
    const ratio = (value: number, baseline: number) => (clients.length > 0 ? `${(value / baseline).toFixed(2)}x` : 'n/a');
    console.log(
      `  ${fn.name.padEnd(18)} ${kb(size).padStart(10)} ${kb(baselineSize).padStart(10)} ${ratio(size, baselineSize).padStart(6)}   ${ms(importMs).padStart(10)} ${ms(baselineImportMs).padStart(10)} ${ratio(importMs, baselineImportMs).padStart(6)}   ${clients.join(', ') || 'none'}`,
    );
  }
}

await latency();
await bundles();
