import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { startTestPlatform } from '../support/platform';
import { apply, openArea } from '../support/programme-data';

let platform: RunningPlatform;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  base = platform.url.replace('localhost', '127.0.0.1');
  // The browser must reach the site by the name its cookies are set for.
  page = await browser.newPage({ baseURL: base });
  await openArea(platform, 'console-test', 'Console Test');
  await apply(platform, 'console-test', 'console-1', { fullName: 'Dana <b>Bold</b> Officer' });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function expectNoAccessibilityViolations() {
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('a staff member in the console, without JavaScript tricks', () => {
  it('is sent to sign in, and comes back to the page they asked for', async () => {
    await page.goto('/staff/areas/console-test');
    expect(page.url()).toContain('/local/staff-sign-in');
    await expectNoAccessibilityViolations();
    await page.getByLabel('Priya Shah').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL(page.url()).pathname).toBe('/staff/areas/console-test');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Console Test');
    await expectNoAccessibilityViolations();
  });

  it('reviews an application, with every value shown as text', async () => {
    await page.getByRole('link', { name: 'Dana <b>Bold</b> Officer' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dana <b>Bold</b> Officer');
    await expectNoAccessibilityViolations();
    await page.getByRole('button', { name: 'Save your review' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Score role and seniority fit from 1 to 5');
    await expectNoAccessibilityViolations();
    for (const group of ['Role and seniority fit', 'Partnership experience', 'Commitment']) {
      await page.getByRole('group', { name: group }).getByLabel('4', { exact: true }).check();
    }
    await page.getByRole('button', { name: 'Save your review' }).click();
    expect(await page.locator('body').textContent()).toContain('Mean score: 4.00 from 1 independent review');
  });

  it('sees the selection with a reason for each outcome, and the audit log', async () => {
    await page.goto('/staff/areas/console-test/selection');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Selection of six plus six');
    expect(await page.locator('body').textContent()).toContain('Ranked 1st of 1 complete local authority applications');
    await expectNoAccessibilityViolations();
    await page.goto('/staff/areas/console-test/audit');
    await expectNoAccessibilityViolations();
    await page.goto('/staff/areas/console-test/programme');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Programme and stages');
    await expectNoAccessibilityViolations();
    await page.getByRole('button', { name: 'Save the schedule' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the date of workshop 1');
    await expectNoAccessibilityViolations();
    await page.goto('/staff/regions/london/learning-event');
    await expectNoAccessibilityViolations();
    await page.goto('/staff/new-area');
    await page.getByRole('button', { name: 'Add the area' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the name of the area');
    await expectNoAccessibilityViolations();
    await page.goto('/staff/reports');
    expect(await page.locator('svg[role="img"] title').count()).toBe(1);
    await expectNoAccessibilityViolations();
    await page.goto('/staff/areas/console-test/progress-reviews');
    await expectNoAccessibilityViolations();
    await page.goto('/staff/areas/console-test/consultancy');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Consultancy sessions');
    await page.getByRole('button', { name: 'Publish the slot' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the date of the slot');
    await expectNoAccessibilityViolations();
    await page.goto('/staff');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Programme overview');
    await expectNoAccessibilityViolations();
  });
});
