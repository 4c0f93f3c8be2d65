import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerEntry } from '@pip/functions/function-entries';
import { platformFunctions, type FunctionAccess } from '@pip/functions/routes';
import { PlatformFunction, bundleDefine, bundlingDefaults, sdkClientsFor, sdkClientsIn } from '@pip/infra/bundling';

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
    const bundle = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    expect(bundle).toContain('createRequire');
    expect(existsSync(join(bundleDir, 'govuk'))).toBe(false);
    // The CDK build applies the route table's access: the health check asks SES v2 about the account and sends nothing.
    expect(bundle).toContain('GetAccount');
    expect(bundle).not.toContain('SendRawEmail');
  });
});

/** A function's bundle as the CDK stack builds it, by its metafile: which files and packages went in with code. */
async function metafileOf(name: string, access: FunctionAccess, options: { traceSdkCalls?: boolean } = {}): Promise<Metafile> {
  const result = await build({
    entryPoints: [handlerEntry(name)],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    minify: bundlingDefaults.minify,
    target: bundlingDefaults.target,
    mainFields: bundlingDefaults.mainFields,
    define: bundleDefine(access, options),
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
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

  it('bundles the calendar library only where calendars are made, never for a function that sends no email', () => {
    const withCalendars = platformFunctions.filter((fn) => packagesIn(bundles.get(fn.name)!, 'ics'));
    expect(withCalendars.filter((fn) => !('email' in fn.access && fn.access.email)).map((fn) => fn.name)).toEqual([]);
    expect(withCalendars.map((fn) => fn.name)).not.toContain('applicant-pages');
  });
});
