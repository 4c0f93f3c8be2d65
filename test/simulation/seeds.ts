import { spawn } from 'node:child_process';
import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from './simulate';

/** One seed's run in a few figures, as `--runs` prints it. */
export interface SeedLine {
  seed: number;
  digest: string;
  requests: number;
  faults: number;
  held: number;
  invariants: number;
  errors: number;
  seconds: number;
  /** The first broken invariant, or why the run could not finish. */
  failure?: string;
}

const CLI = join(import.meta.dirname, 'cli.ts');

/**
 * Plays one seed in a process of its own (the platform's ports are cached per process, for its first
 * table) on the emulators already running, and reads back its result.
 */
export async function runSeed(
  seed: number,
  options: { areas: number; years: number; faults: boolean },
  services: { dynamoEndpoint: string; sesEndpoint: string },
): Promise<SeedLine> {
  const file = join(mkdtempSync(join(tmpdir(), 'pip-seed-')), 'result.json');
  const began = Date.now();
  let errors = '';
  const args = ['--seed', String(seed), '--areas', String(options.areas), '--years', String(options.years), '--faults', options.faults ? 'on' : 'off'];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args, '--result', file, '--dynamo-endpoint', services.dynamoEndpoint, '--ses-endpoint', services.sesEndpoint], {
      cwd: join(import.meta.dirname, '..', '..'),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  let result: RunResult;
  try {
    result = JSON.parse(readFileSync(file, 'utf8')) as RunResult;
  } catch {
    return { seed, digest: '-', requests: 0, faults: 0, held: 0, invariants: 0, errors: 0, seconds: (Date.now() - began) / 1000, failure: `no result (exit code ${code}): ${errors.trim().split('\n').slice(-5).join(' / ')}` };
  }
  const broken = result.invariants.find((invariant) => invariant.violations.length > 0);
  return {
    seed,
    digest: result.digest,
    requests: result.requests,
    faults: Object.values(result.faults).reduce((sum, count) => sum + count, 0),
    held: result.invariants.filter((invariant) => invariant.violations.length === 0).length,
    invariants: result.invariants.length,
    errors: result.errors.length,
    seconds: result.seconds,
    ...(broken ? { failure: `${broken.name}: ${broken.violations[0]!.detail}` } : {}),
  };
}

export function seedLine(line: SeedLine): string {
  return [
    `seed ${String(line.seed).padEnd(11)}`,
    `digest ${line.digest.padEnd(8)}`,
    `requests ${String(line.requests).padStart(5)}`,
    `faults ${String(line.faults).padStart(3)}`,
    `invariants held ${line.held}/${line.invariants}`,
    `actions threw ${line.errors}`,
    `${line.seconds.toFixed(1).padStart(6)} s`,
    line.failure ? `FAILED ${line.failure}` : 'ok',
  ].join('  ');
}

/**
 * The tables on the shared DynamoDB Local now, and a way to drop those made since: a series keeps
 * DynamoDB Local lean between seeds. Left in place, each seed's table slowed every later seed (75 s for
 * the first of a series, 658 s for the tenth with the machine idle).
 */
export async function tablesMadeFrom(dynamoEndpoint: string): Promise<{ dropNew: () => Promise<void> }> {
  const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const names = async () => {
    const all: string[] = [];
    let start: string | undefined;
    do {
      const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
      all.push(...(page.TableNames ?? []));
      start = page.LastEvaluatedTableName;
    } while (start);
    return all;
  };
  const before = new Set(await names());
  return {
    dropNew: async () => {
      try {
        // Only a simulation's own tables (sim-platform.ts names them), whoever else uses that DynamoDB Local.
        for (const name of await names()) if (!before.has(name) && name.startsWith('pip-sim-')) await client.send(new DeleteTableCommand({ TableName: name }));
      } finally {
        client.destroy();
      }
    },
  };
}
