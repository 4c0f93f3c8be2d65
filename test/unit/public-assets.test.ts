import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { html } from '@pip/html';
import {
  ASSETS_BASE_ENV,
  IMMUTABLE_CACHE_CONTROL,
  assetRevision,
  publicAssetsBase,
  stagePublicAssets,
  writePublicAssets,
} from '@pip/functions/assets/govuk-assets';
import { page } from '@pip/functions/pages/layout';

const installedDist = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json', { paths: [join(import.meta.dirname, '../../functions')] })), 'dist', 'govuk');
const temporary: string[] = [];
function temporaryDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pip-assets-${label}-`));
  temporary.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const urlsIn = (css: string) => [...css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/gu)].map((match) => match[1]!);

describe('the public asset set (GOV.UK Frontend, under a content-hashed path)', () => {
  it('is the stylesheet, its fonts and the images, each with its content type, under /assets/<revision>', () => {
    const assets = stagePublicAssets();
    expect(assets.revision).toMatch(/^[0-9a-f]{12}$/u);
    expect(assets.basePath).toBe(`/assets/${assets.revision}`);
    const types = Object.fromEntries(assets.files.map((file) => [file.path, file.contentType]));
    expect(types['govuk-frontend.min.css']).toBe('text/css; charset=utf-8');
    expect(types['images/favicon.ico']).toBe('image/x-icon');
    expect(types['images/govuk-crest.svg']).toBe('image/svg+xml');
    expect(Object.entries(types).filter(([path]) => path.startsWith('fonts/')).map(([, type]) => type).sort()).toEqual(['font/woff', 'font/woff', 'font/woff2', 'font/woff2']);
    for (const file of assets.files) {
      expect(file.path).toMatch(/^[\w./-]+\.(css|woff2?|png|svg|ico)$/u);
      expect(file.path.split('/')).not.toContain('..');
    }
    // Sorted by path, so the revision and the upload never depend on the order a directory is read in.
    const paths = assets.files.map((file) => file.path);
    expect(paths).toEqual([...paths].sort());
  });

  it('rewrites the stylesheet so that every url() resolves to a file of the set under the same revision', () => {
    const assets = stagePublicAssets();
    const css = assets.files.find((file) => file.path === 'govuk-frontend.min.css')!.body.toString('utf8');
    expect(css).toContain('.govuk-error-summary');
    expect(css).not.toMatch(/url\(\s*['"]?\/assets\//u);
    expect(css).not.toContain('sourceMappingURL');
    const served = new Set(assets.files.map((file) => `${assets.basePath}/${file.path}`));
    const stylesheet = new URL(`${assets.basePath}/govuk-frontend.min.css`, 'https://pip.example');
    const urls = urlsIn(css).filter((url) => !url.startsWith('data:'));
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(served).toContain(new URL(url, stylesheet).pathname);
  });

  it('is computed once per process and is the same every time', () => {
    expect(stagePublicAssets()).toBe(stagePublicAssets());
    expect(stagePublicAssets({ distDir: installedDist }).revision).toBe(stagePublicAssets().revision);
  });

  it('gets a new revision when the content of any file changes, and only then', () => {
    const copy = temporaryDir('copy');
    cpSync(installedDist, copy, { recursive: true, dereference: true });
    const before = stagePublicAssets({ distDir: copy });
    expect(before.revision).toBe(stagePublicAssets().revision);

    const font = join(copy, 'assets', 'fonts', 'bold-b542beb274-v2.woff2');
    const bytes = readFileSync(font);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(font, bytes);
    const afterFont = stagePublicAssets({ distDir: copy });
    expect(afterFont.revision).not.toBe(before.revision);
    expect(afterFont.basePath).toBe(`/assets/${afterFont.revision}`);

    const stylesheet = join(copy, 'govuk-frontend.min.css');
    writeFileSync(stylesheet, `${readFileSync(stylesheet, 'utf8')}\n.pip-extra{color:red}`);
    expect(stagePublicAssets({ distDir: copy }).revision).not.toBe(afterFont.revision);
  });

  it('hashes the files it is given, whatever their order', () => {
    const files = [
      { path: 'a.css', contentType: 'text/css; charset=utf-8', body: Buffer.from('a{}') },
      { path: 'fonts/b.woff2', contentType: 'font/woff2', body: Buffer.from([1, 2, 3]) },
    ];
    const revision = assetRevision(files);
    expect(assetRevision([...files].reverse())).toBe(revision);
    expect(assetRevision([files[0]!, { ...files[1]!, body: Buffer.from([1, 2, 4]) }])).not.toBe(revision);
    expect(assetRevision([files[0]!, { ...files[1]!, path: 'fonts/c.woff2' }])).not.toBe(revision);
    // The boundary between a path and its body is part of what is hashed.
    expect(assetRevision([{ path: 'ab', contentType: 'x', body: Buffer.from('c') }])).not.toBe(
      assetRevision([{ path: 'a', contentType: 'x', body: Buffer.from('bc') }]),
    );
  });

  it('writes the files into a directory at their paths under the base, for the stack to upload under assets/<revision>/', () => {
    const dir = temporaryDir('out');
    const assets = writePublicAssets(dir);
    expect(assets).toBe(stagePublicAssets());
    for (const file of assets.files) expect(readFileSync(join(dir, file.path)).equals(file.body)).toBe(true);
    expect(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())).toHaveLength(assets.files.length);
  });

  it('is served with one year of immutable caching', () => {
    expect(IMMUTABLE_CACHE_CONTROL).toBe('public, max-age=31536000, immutable');
  });
});

describe('the page layout', () => {
  const previous = process.env[ASSETS_BASE_ENV];
  afterEach(() => {
    if (previous === undefined) delete process.env[ASSETS_BASE_ENV];
    else process.env[ASSETS_BASE_ENV] = previous;
  });

  it('links the stylesheet and favicon under the hashed base computed from the installed files where ASSETS_BASE is unset', () => {
    delete process.env[ASSETS_BASE_ENV];
    const { basePath } = stagePublicAssets();
    expect(publicAssetsBase()).toBe(basePath);
    const drawn = page({ title: 'Test', content: html`<p>Hello</p>` }).toString();
    expect(drawn).toContain(`<link rel="stylesheet" href="${basePath}/govuk-frontend.min.css">`);
    expect(drawn).toContain(`<link rel="icon" sizes="48x48" href="${basePath}/images/favicon.ico">`);
    expect(drawn).not.toContain('href="/assets/govuk-frontend.min.css"');
  });

  it('links under ASSETS_BASE where the stack sets it', () => {
    process.env[ASSETS_BASE_ENV] = '/assets/0123456789ab';
    expect(publicAssetsBase()).toBe('/assets/0123456789ab');
    const drawn = page({ title: 'Test', content: html`<p>Hello</p>` }).toString();
    expect(drawn).toContain('<link rel="stylesheet" href="/assets/0123456789ab/govuk-frontend.min.css">');
    expect(drawn).toContain('<link rel="icon" sizes="48x48" href="/assets/0123456789ab/images/favicon.ico">');
  });
});
