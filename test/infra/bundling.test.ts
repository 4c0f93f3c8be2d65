import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { platformFunctions } from '@pip/functions/routes';
import { PlatformFunction } from '@pip/infra/bundling';

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
    expect(existsSync(join(bundleDir, 'govuk'))).toBe(false);
  });
});
