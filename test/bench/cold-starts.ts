/**
 * Cold starts, for `pnpm bench`: each function bundled as the CDK stack bundles it, beside its floor,
 * a bundle of only the AWS SDK clients that function calls (from the route table's access, so a
 * client bundled without need raises the ratio rather than the floor). Cold import is the median of
 * fresh Node processes, the bundle's and the floor's taken in turn so that the machine's noise falls
 * on both. Prints; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { handlerEntry } from '@pip/functions/function-entries';
import { platformFunctions } from '@pip/functions/routes';
import { bundleDefine, bundlingDefaults, sdkClientsFor, sdkClientsIn } from '@pip/infra/bundling';

const IMPORT_RUNS = Math.max(7, Number(process.env.BENCH_IMPORT_RUNS ?? 7));
const outDir = join(import.meta.dirname, '../../.bench');

/** The class each client package is used through: the floor imports just that, as a function's adapter does. */
const CLIENT_EXPORTS: Record<string, string> = {
  '@aws-sdk/client-dynamodb': 'DynamoDBClient',
  '@aws-sdk/lib-dynamodb': 'DynamoDBDocumentClient',
  '@aws-sdk/client-ses': 'SESClient',
  '@aws-sdk/client-sesv2': 'SESv2Client',
  '@aws-sdk/client-sfn': 'SFNClient',
};

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function bundle(entry: { file: string } | { contents: string }, outfile: string, define: Record<string, string> = {}): Promise<Metafile> {
  const result = await build({
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.contents, resolveDir: import.meta.dirname, loader: 'ts' } }),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: bundlingDefaults.minify,
    target: bundlingDefaults.target,
    mainFields: bundlingDefaults.mainFields,
    banner: { js: bundlingDefaults.banner },
    define,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** Milliseconds to import the file in a new Node process, as a cold Lambda container does. */
function importMs(file: string): number {
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`],
    { encoding: 'utf8', env: { ...process.env, TABLE_NAME: 'bench', MAIL_FROM: 'bench@example.org', NODE_NO_WARNINGS: '1' } },
  );
  return Number(output.trim().split('\n').pop());
}

/** Median cold import of a bundle and of its floor, measured in turn. */
function coldImports(file: string, floorFile: string): { bundle: number; floor: number } {
  const bundleSamples: number[] = [];
  const floorSamples: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i += 1) {
    bundleSamples.push(importMs(file));
    floorSamples.push(importMs(floorFile));
  }
  return { bundle: median(bundleSamples), floor: median(floorSamples) };
}

export async function coldStarts(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  console.log(`\nCold starts: each function's bundle (minified ESM for Node 22, AWS SDK bundled, as the CDK stack builds it) beside`);
  console.log(`its floor, a bundle of only the SDK clients it calls; cold import is the median of ${IMPORT_RUNS} fresh Node processes. Goal: both ratios <= 1.25`);
  const header = `  ${'function'.padEnd(22)} ${'bundle'.padStart(9)} ${'floor'.padStart(9)} ${'ratio'.padStart(6)}   ${'import'.padStart(8)} ${'floor'.padStart(8)} ${'ratio'.padStart(6)}   SDK clients`;
  console.log(header);
  const ratios: { size: number; time: number }[] = [];
  for (const fn of platformFunctions) {
    const file = join(outDir, `${fn.name}.mjs`);
    const metafile = await bundle({ file: handlerEntry(fn.name) }, file, bundleDefine(fn.access));
    const needed = sdkClientsFor(fn.access);
    const bundled = sdkClientsIn(metafile);
    const floorFile = join(outDir, `${fn.name}.floor.mjs`);
    const exports = needed.map((pkg) => `export { ${CLIENT_EXPORTS[pkg]} } from '${pkg}';`).join('\n');
    await bundle({ contents: exports || 'export {};' }, floorFile);
    const size = statSync(file).size;
    const floorSize = statSync(floorFile).size;
    const times = coldImports(file, floorFile);
    // A function that calls no SDK client has no floor to compare with.
    const ratio = (value: number, floor: number) => (needed.length > 0 ? value / floor : undefined);
    const sizeRatio = ratio(size, floorSize);
    const timeRatio = ratio(times.bundle, times.floor);
    if (sizeRatio !== undefined && timeRatio !== undefined) ratios.push({ size: sizeRatio, time: timeRatio });
    const shown = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(2)}x`);
    const extra = bundled.filter((pkg) => !needed.includes(pkg));
    const clients = needed.map((pkg) => pkg.replace('@aws-sdk/', '')).join(', ') || 'none';
    console.log(
      `  ${fn.name.padEnd(22)} ${kb(size).padStart(9)} ${kb(floorSize).padStart(9)} ${shown(sizeRatio).padStart(6)}   ${ms(times.bundle).padStart(8)} ${ms(times.floor).padStart(8)} ${shown(timeRatio).padStart(6)}   ${clients}${extra.length > 0 ? ` (and, unneeded: ${extra.map((pkg) => pkg.replace('@aws-sdk/', '')).join(', ')})` : ''}`,
    );
  }
  const sizes = ratios.map((ratio) => ratio.size);
  const times = ratios.map((ratio) => ratio.time);
  console.log(`  ratios over functions: bundle median ${median(sizes).toFixed(2)}x, max ${Math.max(...sizes).toFixed(2)}x; cold import median ${median(times).toFixed(2)}x, max ${Math.max(...times).toFixed(2)}x`);
}

// Run alone (`tsx test/bench/cold-starts.ts`) as well as from bench.ts.
if (import.meta.url === `file://${process.argv[1]}`) await coldStarts();
