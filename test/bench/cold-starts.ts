/**
 * Cold starts, for `pnpm bench`: each function bundled as the CDK stack bundles it, beside its floor,
 * a bundle of only the AWS SDK clients that function calls (from the route table's access, so a
 * client bundled without need raises the ratio rather than the floor). A handler loads each route's
 * module on its first request, and the bundle is split there, so what a cold start costs is its
 * first request: `index.mjs` with the chunks it imports, then the route's chunks (and the token
 * verifier's, where a route is signed in). The figures are those of the heaviest route, so no
 * request is colder than printed; the whole bundle is printed too. Cold import is the median of
 * fresh Node processes importing exactly those files, the bundle's and the floor's taken in turn so
 * that the machine's noise falls on both. Prints; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { audienceOf, platformFunctions, routes } from '@pip/functions/routes';
import { bundleOptions, bundlingDefaults, sdkClientsFor, sdkClientsIn } from '@pip/infra/bundling';
import { firstRequestFiles } from './first-request';
import { portsUsedByModule } from './ports-used';

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

/**
 * The floor: the SDK clients alone, with the same settings, split the same way (the SDK loads its
 * rarer credential providers with `import()`, and a cold start reads only what it imports statically).
 */
async function bundleFloor(contents: string, outdir: string): Promise<Metafile> {
  const result = await build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: 'ts' },
    outdir,
    entryNames: 'index',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
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

/** A function's bundle as the stack builds it, written to its own directory. */
async function bundleFunction(fn: (typeof platformFunctions)[number], outdir: string): Promise<Metafile> {
  const result = await build({ ...bundleOptions(fn), outdir, metafile: true, logLevel: 'silent' });
  return result.metafile;
}

/** Milliseconds to import the files in a new Node process, in turn, as a cold Lambda container's first request does. */
function importMs(files: string[]): number {
  const imports = files.map((file) => `await import(${JSON.stringify(resolve(file))});`).join(' ');
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `const t = performance.now(); ${imports} console.log(performance.now() - t);`],
    { encoding: 'utf8', env: { ...process.env, TABLE_NAME: 'bench', MAIL_FROM: 'bench@example.org', NODE_NO_WARNINGS: '1' } },
  );
  return Number(output.trim().split('\n').pop());
}

/** Median cold import of a bundle's first request and of its floor, measured in turn. */
function coldImports(files: string[], floorFiles: string[]): { bundle: number; floor: number } {
  const bundleSamples: number[] = [];
  const floorSamples: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i += 1) {
    bundleSamples.push(importMs(files));
    floorSamples.push(importMs(floorFiles));
  }
  return { bundle: median(bundleSamples), floor: median(floorSamples) };
}

export async function coldStarts(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  console.log(`\nCold starts: each function's bundle (minified ESM for Node 22, AWS SDK bundled, split at each route, as the CDK stack builds it)`);
  console.log(`beside its floor, a bundle of only the SDK clients it calls. "first request" is what a cold start loads for its heaviest route:`);
  console.log(`index.mjs and its imports, that route's chunks, and the token verifier's where routes are signed in; "import" is the median`);
  console.log(`of ${IMPORT_RUNS} fresh Node processes importing those files (import + first route's modules); "whole" is every chunk. Goal: both ratios <= 1.25`);
  const header = `  ${'function'.padEnd(22)} ${'first req'.padStart(9)} ${'floor'.padStart(9)} ${'ratio'.padStart(6)}   ${'import'.padStart(8)} ${'floor'.padStart(8)} ${'ratio'.padStart(6)}   ${'whole'.padStart(9)} ${'chunks'.padStart(6)}   SDK clients`;
  console.log(header);
  const ratios: { size: number; time: number }[] = [];
  // Which ports each module takes, read from the types once, to count the stores a route loads on first call.
  const portsUsed = portsUsedByModule();
  for (const fn of platformFunctions) {
    const metafile = await bundleFunction(fn, join(outDir, fn.name));
    const signedIn = routes.some((route) => route.function === fn.name && audienceOf(route) !== 'anyone');
    const { files } = firstRequestFiles(metafile, signedIn, portsUsed);
    const outputs = Object.keys(metafile.outputs).filter((file) => file.endsWith('.mjs'));
    const whole = outputs.reduce((sum, file) => sum + statSync(file).size, 0);
    const needed = sdkClientsFor(fn.access);
    const bundled = sdkClientsIn(metafile);
    const exports = needed.map((pkg) => `export { ${CLIENT_EXPORTS[pkg]} } from '${pkg}';`).join('\n');
    const floorMetafile = await bundleFloor(exports || 'export {};', join(outDir, `${fn.name}.floor`));
    const { files: floorFiles } = firstRequestFiles(floorMetafile, false);
    const size = files.reduce((sum, file) => sum + statSync(file).size, 0);
    const floorSize = floorFiles.reduce((sum, file) => sum + statSync(file).size, 0);
    const times = coldImports(files, floorFiles);
    // A function that calls no SDK client has no floor to compare with.
    const ratio = (value: number, floor: number) => (needed.length > 0 ? value / floor : undefined);
    const sizeRatio = ratio(size, floorSize);
    const timeRatio = ratio(times.bundle, times.floor);
    if (sizeRatio !== undefined && timeRatio !== undefined) ratios.push({ size: sizeRatio, time: timeRatio });
    const shown = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(2)}x`);
    const extra = bundled.filter((pkg) => !needed.includes(pkg));
    const clients = needed.map((pkg) => pkg.replace('@aws-sdk/', '')).join(', ') || 'none';
    console.log(
      `  ${fn.name.padEnd(22)} ${kb(size).padStart(9)} ${kb(floorSize).padStart(9)} ${shown(sizeRatio).padStart(6)}   ${ms(times.bundle).padStart(8)} ${ms(times.floor).padStart(8)} ${shown(timeRatio).padStart(6)}   ${kb(whole).padStart(9)} ${String(outputs.length).padStart(6)}   ${clients}${extra.length > 0 ? ` (and, unneeded: ${extra.map((pkg) => pkg.replace('@aws-sdk/', '')).join(', ')})` : ''}`,
    );
  }
  const sizes = ratios.map((ratio) => ratio.size);
  const times = ratios.map((ratio) => ratio.time);
  console.log(`  ratios over functions: bundle median ${median(sizes).toFixed(2)}x, max ${Math.max(...sizes).toFixed(2)}x; cold import median ${median(times).toFixed(2)}x, max ${Math.max(...times).toFixed(2)}x`);
}

// Run alone (`tsx test/bench/cold-starts.ts`) as well as from bench.ts.
if (import.meta.url === `file://${process.argv[1]}`) await coldStarts();
