import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { retentionSchedule } from '@pip/domain';
import type { RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
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

describe('the privacy notice in a browser', () => {
  it('shows the retention schedule, one summary list per rule, at any width, and passes the accessibility checks', async () => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/privacy', { waitUntil: 'networkidle' });
      expect(await page.locator('h2#how-long').textContent()).toBe('What we keep, for how long, and why');
      expect(await page.locator('h3 + .govuk-summary-list').count()).toBe(retentionSchedule.length);
      // Nothing wider than the screen, on a phone too.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await accessibilityViolations(page)).toEqual([]);
      if (process.env.PIP_SCREENSHOTS) await page.screenshot({ path: `${process.env.PIP_SCREENSHOTS}/privacy-${width}.png`, fullPage: true });
    }
  });
});
