import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningPlatform } from '@pip/local';
import { stagePublicAssets } from '@pip/functions/assets/govuk-assets';
import { launchBrowser } from '../support/browser';
import { startTestPlatform } from '../support/platform';

let platform: RunningPlatform;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  page = await browser.newPage({ baseURL: platform.url.replace('localhost', '127.0.0.1') });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('a page in a browser, with GOV.UK Frontend from the content-hashed assets', () => {
  it('loads the stylesheet and its fonts with no failed request, and is styled by them', async () => {
    const failed: string[] = [];
    const assets: { path: string; status: number }[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (response.status() >= 400) failed.push(`${path}: ${response.status()}`);
      if (path.startsWith('/assets/')) assets.push({ path, status: response.status() });
    });

    await page.goto('/apply', { waitUntil: 'networkidle' });
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const faces: FontFace[] = [];
      document.fonts.forEach((font) => faces.push(font));
      return faces.map((font) => ({ family: font.family.replace(/"/gu, ''), weight: font.weight, status: font.status }));
    });
    const styles = await page.evaluate(() => ({
      headingFont: getComputedStyle(document.querySelector('h1')!).fontFamily,
      headerBackground: getComputedStyle(document.querySelector('.govuk-header')!).backgroundColor,
      rules: (document.querySelector('link[rel="stylesheet"]') as HTMLLinkElement).sheet?.cssRules.length ?? 0,
    }));

    expect(failed).toEqual([]);
    const { basePath } = stagePublicAssets();
    expect(assets.map(({ path }) => path)).toContain(`${basePath}/govuk-frontend.min.css`);
    expect(assets.some(({ path }) => path.startsWith(`${basePath}/fonts/`) && path.endsWith('.woff2'))).toBe(true);
    for (const asset of assets) expect(asset).toEqual({ path: expect.stringMatching(new RegExp(`^${basePath}/`, 'u')), status: 200 });
    expect(styles.rules).toBeGreaterThan(100);
    expect(styles.headingFont).toContain('GDS Transport');
    expect(styles.headerBackground).toBe('rgb(11, 12, 12)');
    expect(fonts.filter((font) => font.family === 'GDS Transport' && font.status === 'loaded').length).toBeGreaterThan(0);
    expect(fonts.filter((font) => font.status === 'error')).toEqual([]);
  });
});
