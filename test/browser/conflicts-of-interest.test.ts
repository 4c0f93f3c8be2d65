import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { localStaff, type RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { startTestPlatform } from '../support/platform';
import { apply, openArea, type Applicant } from '../support/programme-data';
import { staffSession } from '../support/staff-session';

/* A member of staff records their organisation, and the review they then try to give is refused with the reason. */
const AREA = 'conflicts-browser';
let platform: RunningPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let applicant: Applicant;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  context = await browser.newContext({ baseURL: platform.url.replace('localhost', '127.0.0.1') });
  page = await context.newPage();
  await openArea(platform, AREA, 'Conflict Browser');
  await openArea(platform, `${AREA}-north`, 'Northern Browser', 'north-east');
  applicant = await apply(platform, AREA, 'cb-council', { fullName: 'Casey Council', organisation: 'Browser City Council' });
  // Sam reviews before recording his organisation; Priya's review will be the only independent one, so the selection warns about it.
  for (const staff of [localStaff[0], localStaff[1]]) {
    await staffSession(platform, staff).post(`/staff/areas/${AREA}/applications/${applicant.applicationId}/reviews`, { roleFit: '4', partnershipExperience: '4', commitment: '4' });
  }
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('conflicts of interest in the browser', () => {
  it('lets staff record their organisation and areas, grouped by region, from the header link, and passes axe', async () => {
    await page.goto('/staff');
    await page.getByLabel('Sam Rivers').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Your profile' }).click();
    expect(new URL(page.url()).pathname).toBe('/staff/profile');
    expect(await page.getByRole('group', { name: 'North East' }).getByLabel('Northern Browser').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/shots-B/profile-empty.png', fullPage: true });
  });

  it('refuses the review of a page opened before the profile said why, and passes axe', async () => {
    // The application page is open in one tab with its review form...
    await page.goto(`/staff/areas/${AREA}/applications/${applicant.applicationId}`);
    // ...while another tab records the applicant's organisation as theirs.
    const other = await context.newPage();
    await other.goto('/staff/profile');
    await other.getByLabel('Your organisation').fill('The Browser City Council');
    await other.getByRole('group', { name: 'Yorkshire and the Humber' }).getByLabel('Conflict Browser').check();
    await other.getByRole('button', { name: 'Save your profile' }).click();
    expect(await other.getByText('Your profile is saved.').isVisible()).toBe(true);
    await other.screenshot({ path: '/tmp/shots-B/profile-saved.png', fullPage: true });
    await other.close();

    for (const name of ['roleFit', 'partnershipExperience', 'commitment']) await page.locator(`input[name="${name}"][value="5"]`).check();
    await page.getByRole('button', { name: 'Save your review' }).click();
    const summary = page.getByRole('alert');
    expect(await summary.textContent()).toContain('You work at the same organisation as the applicant (Browser City Council).');
    expect(await summary.textContent()).toContain('You are connected to Conflict Browser.');
    expect(await page.getByRole('button', { name: 'Save your review' }).count()).toBe(0);
    // Nobody waits for a review that may not be given.
    expect(await page.getByText('Not yet reviewed by: Tom Okoro.').isVisible()).toBe(true);
    expect(await page.title()).toMatch(/^Error: /u);
    expect(await page.getByText('Your earlier review is kept but left out of the mean score and the selection.').isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Reviews' }).getByRole('row').filter({ hasText: 'Sam Rivers' }).textContent()).toContain('Not independent');
    await page.screenshot({ path: '/tmp/shots-B/review-refused.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows the independent reviews on the area page', async () => {
    await page.goto(`/staff/areas/${AREA}`);
    const row = page.getByRole('row').filter({ hasText: applicant.applicationId });
    expect(await row.getByRole('cell').nth(5).textContent()).toBe('1 (1 left out)');
    await page.screenshot({ path: '/tmp/shots-B/area.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('warns on the selection page about a mean resting on a single independent review', async () => {
    await page.goto(`/staff/areas/${AREA}/selection`);
    expect(await page.getByText('rests on a single independent review').count()).toBe(1);
    await page.screenshot({ path: '/tmp/shots-B/selection.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
