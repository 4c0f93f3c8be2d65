import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SynthesizedWorkflow } from '@pip/infra/synthesized-workflow';

const projectRoot = join(import.meta.dirname, '..', '..', '..');
const cacheDir = join(projectRoot, '.data', 'workflow-definition');

/** Everything the synthesized definition depends on: the stack's code, the domain it imports, the route table, CDK's version and flags. */
const sources = ['infra/src', 'packages/domain/src', 'functions/src/routes.ts', 'cdk.json', 'pnpm-lock.yaml'];

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [path];
  const nested = await Promise.all(entries.map((entry) => filesUnder(join(path, entry.name))));
  return nested.flat();
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await Promise.all(sources.map((source) => filesUnder(join(projectRoot, source))))).flat().sort();
  for (const file of files) hash.update(relative(projectRoot, file)).update('\0').update(await readFile(file)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/**
 * The area workflow's definition as the CDK stack synthesizes it. Synthesizing takes seconds, so
 * the result is kept under `.data/`, named by a hash of everything it depends on: any change to the
 * stack, the domain or the route table synthesizes it afresh, and the local platform still runs
 * exactly what the stack would deploy.
 */
export async function workflowDefinition(): Promise<SynthesizedWorkflow> {
  const file = join(cacheDir, `${await sourceHash()}.json`);
  const kept = await readFile(file, 'utf8').then((text) => JSON.parse(text) as SynthesizedWorkflow).catch(() => undefined);
  if (kept) return kept;
  const { synthesizedWorkflow } = await import('@pip/infra/synthesized-workflow');
  const synthesized = synthesizedWorkflow();
  await mkdir(cacheDir, { recursive: true });
  // Written aside and renamed, so a platform starting beside this one never reads half a file.
  const aside = `${file}.${process.pid}.tmp`;
  await writeFile(aside, JSON.stringify(synthesized));
  await rename(aside, file);
  return synthesized;
}
