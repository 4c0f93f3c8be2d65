import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformFunctions, routes, type FunctionAccess } from '@pip/functions/routes';
import { PlatformFunction, bundleOptions, sdkClientsFor, sdkClientsIn } from '@pip/infra/bundling';

const outdir = mkdtempSync(join(tmpdir(), 'pip-bundling-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('bundling a function as `pnpm synth` and deploy do', () => {
  it('builds an ESM bundle with esbuild from the project root, with no GOV.UK Frontend files beside it (the bucket serves them)', () => {
    const app = new App({ outdir });
    const stack = new Stack(app, 'bundling-test');
    const definition = platformFunctions.find((fn) => fn.name === 'health')!;
    new PlatformFunction(stack, 'health', { definition, environment: {} });
    const assembly = app.synth();
    const template = JSON.stringify(assembly.getStackByName('bundling-test').template);
    const assetHash = /"S3Key":"([0-9a-f]{64})\.zip"/u.exec(template)?.[1];
    expect(assetHash).toBeDefined();
    const bundleDir = join(outdir, `asset.${assetHash}`);
    expect(readFileSync(join(bundleDir, 'index.mjs'), 'utf8')).toContain('createRequire');
    // Split at each `import()`: the chunks beside index.mjs are part of the function's code.
    const files = readdirSync(bundleDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mjs'));
    const bundle = files.map((file) => readFileSync(join(bundleDir, file), 'utf8')).join('\n');
    expect(existsSync(join(bundleDir, 'govuk'))).toBe(false);
    // The CDK build applies the route table's access: the health check asks SES v2 about the account and sends nothing.
    expect(bundle).toContain('GetAccount');
    expect(bundle).not.toContain('SendRawEmail');
  });
});

/** A function's bundle as the CDK stack builds it, by its metafile: which files and packages went in with code. */
async function metafileOf(name: string, access: FunctionAccess, options: { traceSdkCalls?: boolean } = {}): Promise<Metafile> {
  const result = await build({ ...bundleOptions({ name, access }, options), outdir: join(outdir, name), write: false, metafile: true, logLevel: 'silent' });
  return result.metafile;
}

/** The output files one loads, itself and what it imports statically. */
function staticClosure(metafile: Metafile, file: string, into = new Set<string>()): Set<string> {
  if (into.has(file) || !metafile.outputs[file]) return into;
  into.add(file);
  for (const imported of metafile.outputs[file].imports) if (imported.kind === 'import-statement') staticClosure(metafile, imported.path, into);
  return into;
}

/** The inputs with code in what a cold start reads before any route: index.mjs and the chunks it imports statically. */
function coldStartInputs(metafile: Metafile): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !metafile.outputs[file]) return;
    seen.add(file);
    for (const imported of metafile.outputs[file].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(Object.keys(metafile.outputs).find((file) => file.endsWith('/index.mjs'))!);
  return [...seen].flatMap((file) => Object.entries(metafile.outputs[file]!.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([input]) => input));
}

const packagesIn = (metafile: Metafile, name: string) =>
  Object.values(metafile.outputs).some((output) => Object.entries(output.inputs).some(([input, { bytesInOutput }]) => bytesInOutput > 0 && input.includes(`node_modules/${name}/`)));

describe('each function bundles only what the route table lets it touch', () => {
  const bundles = new Map<string, Metafile>();
  beforeAll(async () => {
    const built = await Promise.all(platformFunctions.map(async (fn) => [fn.name, await metafileOf(fn.name, fn.access)] as const));
    for (const [name, metafile] of built) bundles.set(name, metafile);
  }, 240_000);

  it.each(platformFunctions.map((fn) => [fn.name, fn]))('%s holds exactly the SDK clients its access calls for', (name, fn) => {
    expect(sdkClientsIn(bundles.get(name)!)).toEqual([...sdkClientsFor(fn.access)].sort());
  });

  it('sends no email from a function the table does not let send: no SES client where there is no `email`', () => {
    const withSes = platformFunctions.filter((fn) => sdkClientsIn(bundles.get(fn.name)!).includes('@aws-sdk/client-ses')).map((fn) => fn.name);
    expect(withSes).toEqual(platformFunctions.filter((fn) => 'email' in fn.access && fn.access.email).map((fn) => fn.name));
    const withSesV2 = platformFunctions.filter((fn) => sdkClientsIn(bundles.get(fn.name)!).includes('@aws-sdk/client-sesv2')).map((fn) => fn.name);
    expect(withSesV2).toEqual(platformFunctions.filter((fn) => 'emailAccount' in fn.access && fn.access.emailAccount).map((fn) => fn.name));
  });

  it('leaves the X-Ray SDK out of every bundle unless the stack asks to trace SDK calls', async () => {
    expect(platformFunctions.filter((fn) => packagesIn(bundles.get(fn.name)!, 'aws-xray-sdk-core')).map((fn) => fn.name)).toEqual([]);
    const health = platformFunctions.find((fn) => fn.name === 'health')!;
    expect(packagesIn(await metafileOf(health.name, health.access, { traceSdkCalls: true }), 'aws-xray-sdk-core')).toBe(true);
  });

  it('bundles no calendar library: the platform writes its .ics files itself', () => {
    expect(platformFunctions.filter((fn) => packagesIn(bundles.get(fn.name)!, 'ics') || packagesIn(bundles.get(fn.name)!, 'yup')).map((fn) => fn.name)).toEqual([]);
  });

  it('loads each store\'s module on the first call of one of its methods: what the router and a route read holds no store', () => {
    const isStore = (input: string) => /packages\/storage\/src\/[\w-]+-store\.ts$/u.test(input);
    const storesIn = (metafile: Metafile, file: string) => Object.entries(metafile.outputs[file]!.inputs).filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && isStore(input)).map(([input]) => input);
    const misplaced: string[] = [];
    let storeChunks = 0;
    for (const fn of platformFunctions) {
      const metafile = bundles.get(fn.name)!;
      const entryOf = (file: string) => metafile.outputs[file]?.entryPoint ?? '';
      // The router and every route module, with what each reads statically: what a first request reads before a store's method is called.
      const starts = Object.keys(metafile.outputs).filter((file) => file.endsWith('/index.mjs') || entryOf(file).includes('functions/src/handlers/'));
      for (const file of new Set(starts.flatMap((start) => [...staticClosure(metafile, start)]))) {
        for (const store of storesIn(metafile, file)) misplaced.push(`${fn.name}: ${entryOf(file) || file} holds ${store}`);
      }
      // A store's own chunk, loaded by `import()` of its file in `@pip/storage`, holds that store (the stores it reads from, such as a person's records, are chunks of their own).
      for (const file of Object.keys(metafile.outputs).filter((file) => isStore(entryOf(file)))) {
        storeChunks += 1;
        if (storesIn(metafile, file).length > 1) misplaced.push(`${fn.name}: ${entryOf(file)} holds ${storesIn(metafile, file).join(', ')}`);
      }
    }
    expect(misplaced).toEqual([]);
    expect(storeChunks).toBeGreaterThan(50);
  });

  it('loads a route\'s page, use cases, stores and SDK clients on its first request: the router alone is read at a cold start', () => {
    // Every HTTP function but the health check and sign-in, whose every route needs the ports.
    const routed = platformFunctions.filter((fn) => routes.some((route) => route.function === fn.name) && !['health', 'staff-sign-in'].includes(fn.name));
    expect(routed.length).toBeGreaterThan(10);
    const heavy = ['packages/storage/', 'node_modules/zod', 'node_modules/ics', 'node_modules/yup', 'node_modules/@aws-sdk/', 'functions/src/use-cases/'];
    const loadedAtColdStart = routed.flatMap((fn) => coldStartInputs(bundles.get(fn.name)!).filter((input) => heavy.some((part) => input.includes(part))).map((input) => `${fn.name}: ${input}`));
    expect(loadedAtColdStart).toEqual([]);
  });
});
