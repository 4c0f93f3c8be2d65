import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '@pip/local';
import { stagePublicAssets } from '@pip/functions/assets/govuk-assets';
import { startTestPlatform } from '../support/platform';

let platform: RunningPlatform;
let base: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
});
afterAll(async () => {
  await platform?.stop();
});

const IMMUTABLE = 'public, max-age=31536000, immutable';
const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
};
const typeOf = (url: URL) => TYPES[url.pathname.split('.').pop()!];

/** A request exactly as written, without the client resolving `..` first, as a hostile client would send it. */
function rawGet(path: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET' }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

async function linkedFrom(pagePath: string, rel: string): Promise<URL> {
  const page = await (await fetch(`${base}${pagePath}`)).text();
  const href = new RegExp(`<link rel="${rel}"[^>]* href="([^"]+)"`, 'u').exec(page)?.[1];
  expect(href).toBeDefined();
  return new URL(href!, `${base}${pagePath}`);
}

describe('GOV.UK Frontend on the local platform, as CloudFront serves it from the bucket', () => {
  it('serves the stylesheet a page links under the content-hashed base, with a year of immutable caching', async () => {
    const stylesheet = await linkedFrom('/apply', 'stylesheet');
    expect(stylesheet.pathname).toBe(`${stagePublicAssets().basePath}/govuk-frontend.min.css`);
    const css = await fetch(stylesheet);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(await css.text()).toContain('.govuk-error-summary');
  });

  it('serves every font and image the stylesheet refers to, and the favicon, each with its type', async () => {
    const stylesheet = await linkedFrom('/apply', 'stylesheet');
    const css = await (await fetch(stylesheet)).text();
    const urls = [...css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/gu)]
      .map((match) => match[1]!)
      .filter((url) => !url.startsWith('data:'))
      .map((url) => new URL(url, stylesheet));
    expect(urls.some((url) => url.pathname.endsWith('.woff2'))).toBe(true);
    urls.push(await linkedFrom('/apply', 'icon'));
    for (const url of urls) {
      const response = await fetch(url);
      expect({ url: url.pathname, status: response.status }).toEqual({ url: url.pathname, status: 200 });
      expect(response.headers.get('content-type')).toBe(typeOf(url));
      expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const { basePath, files } = stagePublicAssets();
    const font = files.find((file) => file.path.endsWith('.woff2'))!;
    const response = await fetch(`${base}${basePath}/${font.path}`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('font/woff2');
    expect(response.headers.get('content-length')).toBe(String(font.body.byteLength));
    expect(await response.text()).toBe('');
  });

  it('answers 404 for anything else under /assets: another revision, the old paths, a directory, a file outside the set', async () => {
    const { basePath, revision } = stagePublicAssets();
    const other = revision.replace(/^./u, (first) => (first === '0' ? '1' : '0'));
    for (const path of [
      `/assets/${other}/govuk-frontend.min.css`,
      '/assets/govuk-frontend.min.css',
      '/assets/fonts/bold-b542beb274-v2.woff2',
      '/assets',
      `${basePath}`,
      `${basePath}/`,
      `${basePath}/fonts`,
      `${basePath}/manifest.json`,
      `${basePath}/govuk-frontend.min.css.map`,
    ]) {
      const response = await fetch(`${base}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    expect((await fetch(`${base}${basePath}/govuk-frontend.min.css`, { method: 'POST' })).status).toBe(404);
  });

  it('never serves a file from outside the set by a path that climbs out of it', async () => {
    const { basePath } = stagePublicAssets();
    for (const path of [
      `${basePath}/../../package.json`,
      `${basePath}/fonts/../../../package.json`,
      `${basePath}/..%2F..%2Fpackage.json`,
      `${basePath}/%2e%2e/%2e%2e/package.json`,
      `${basePath}/..%5C..%5Cpackage.json`,
      '/assets/..%2F..%2Fpackage.json',
    ]) {
      expect({ path, status: await rawGet(path) }).toEqual({ path, status: 404 });
    }
  });
});
