/**
 * What a function's heaviest first request reads, module by module (`npx tsx test/bench/first-request-contents.ts`,
 * `BENCH_FUNCTIONS=a,b` for some functions only):
 * esbuild's metafile gives the bytes each input left in each output file, so the figures are those
 * of the files the cold-start benchmark counts. Prints the top contributors, grouped by package or
 * source folder. Prints; asserts nothing.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { audienceOf, platformFunctions, routes } from '@pip/functions/routes';
import { bundleOptions } from '@pip/infra/bundling';
import { firstRequestFiles } from './first-request';
import { portsUsedByModule } from './ports-used';

// Under .bench/ (ignored by git), apart from the cold-start section's own directory.
const outDir = join(import.meta.dirname, '../../.bench/contents');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A short name for an input: its package, or its folder inside the project. */
export function groupOf(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/u.exec(input);
  if (pkg) return pkg[1]!;
  const own = /(packages\/[^/]+\/src|functions\/src\/[^/]+)/u.exec(input);
  return own ? own[1]! : input;
}

/** Bytes per input (and per group) in the files a first request reads. */
export function contents(metafile: Metafile, files: string[]): { inputs: Map<string, number>; groups: Map<string, number> } {
  const inputs = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const file of files) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[file]!.inputs)) {
      if (bytesInOutput === 0) continue;
      inputs.set(input, (inputs.get(input) ?? 0) + bytesInOutput);
      groups.set(groupOf(input), (groups.get(groupOf(input)) ?? 0) + bytesInOutput);
    }
  }
  return { inputs, groups };
}

const top = (counts: Map<string, number>, n: number) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, n);

export async function firstRequestContents(only = process.env.BENCH_FUNCTIONS?.split(',')): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  console.log('\nWhat the heaviest first request of each function reads, by package or folder (bytes left in the output, minified)');
  // Which ports each module takes, read from the types once, to count the stores a route loads on first call.
  const portsUsed = portsUsedByModule();
  for (const fn of platformFunctions.filter((candidate) => !only || only.includes(candidate.name))) {
    const result = await build({ ...bundleOptions(fn), outdir: join(outDir, fn.name), metafile: true, logLevel: 'silent' });
    const signedIn = routes.some((route) => route.function === fn.name && audienceOf(route) !== 'anyone');
    const { files, route } = firstRequestFiles(result.metafile, signedIn, portsUsed);
    const { groups, inputs } = contents(result.metafile, files);
    const total = [...groups.values()].reduce((sum, bytes) => sum + bytes, 0);
    console.log(`  ${fn.name}: ${kb(total)} (heaviest route module: ${route ?? 'none'})`);
    console.log(`    ${top(groups, 14).map(([group, bytes]) => `${group} ${kb(bytes)}`).join(', ')}`);
    const own = new Map([...inputs].filter(([input]) => !input.includes('node_modules/')));
    console.log(`    own modules: ${top(own, 12).map(([input, bytes]) => `${input.replace(/^.*?(packages|functions)\//u, '$1/')} ${kb(bytes)}`).join(', ')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await firstRequestContents();
