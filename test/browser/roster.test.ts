import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localStaff, type RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { staffSession } from '../support/staff-session';

/* The roster of an area and the search for a person, as a signed-in member of staff sees them. */
const AREA = 'roster-browser';
let platform: RunningPlatform;
let browser: Browser;
let page: Page;
let lead: Applicant;
let reserve: Applicant;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  // The browser must reach the site by the name its cookies are set for.
  page = await browser.newPage({ baseURL: platform.url.replace('localhost', '127.0.0.1') });
  await openArea(platform, AREA, 'Roster Browser');
  await openArea(platform, 'roster-browser-2', 'Second Area', 'london');
  lead = await apply(platform, AREA, 'rb-lead', { fullName: 'Lee <i>Lead</i>' });
  reserve = await apply(platform, AREA, 'rb-reserve', { fullName: 'Ray Reserve', organisation: 'Reserve Org' });
  const voluntary = await apply(platform, AREA, 'rb-vcs', { fullName: 'Val Voluntary', sector: 'voluntary-community', organisationKind: 'other' });
  await apply(platform, 'roster-browser-2', 'rb-ray-again', { fullName: 'Ray Reserve' });
  await closeRecruitment(platform, AREA);
  const sam = staffSession(platform, localStaff[0]);
  for (const person of [lead, reserve, voluntary]) {
    await sam.post(`/staff/areas/${AREA}/applications/${person.applicationId}/reviews`, { roleFit: '4', partnershipExperience: '4', commitment: '4' });
  }
  const approved = await sam.post(`/staff/areas/${AREA}/selection`, {
    version: '0',
    action: 'approve',
    confirmed: 'yes',
    'selected-local-authority': lead.applicationId,
    'selected-voluntary-community': voluntary.applicationId,
    'lead-local-authority': lead.applicationId,
    'lead-voluntary-community': voluntary.applicationId,
  });
  expect(approved.status).toBe(303);
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function expectNoAccessibilityViolations() {
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('the roster and the search for a person', () => {
  it('opens the roster from the area page once signed in, every value shown as text', async () => {
    await page.goto(`/staff/areas/${AREA}`);
    await page.getByLabel('Sam Rivers').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: /^Roster/u }).click();
    expect(new URL(page.url()).pathname).toBe(`/staff/areas/${AREA}/roster`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Roster');
    const group = page.getByRole('table', { name: 'In the group' });
    expect(await group.getByRole('row').filter({ hasText: 'Lee <i>Lead</i>' }).textContent()).toContain('Lead participant');
    expect(await page.getByRole('table', { name: 'Reserves' }).textContent()).toContain('Reserve 1');
    expect(await page.getByRole('link', { name: 'Download the roster (CSV)' }).getAttribute('href')).toBe(`/staff/areas/${AREA}/roster.csv`);
    expect(await page.getByRole('link', { name: lead.email }).getAttribute('href')).toBe(`mailto:${lead.email}`);
    await expectNoAccessibilityViolations();
  });

  it('finds a person across areas from the programme overview, and says what to correct when the search is too short', async () => {
    await page.goto('/staff');
    await page.getByRole('link', { name: /^Find a person/u }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Find a person');
    await expectNoAccessibilityViolations();
    await page.getByLabel('Name or email address').fill('r');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter at least 2 characters of a name or email address');
    expect(await page.title()).toMatch(/^Error: /u);
    await expectNoAccessibilityViolations();
    await page.getByLabel('Name or email address').fill('ray res');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.getByRole('status').textContent()).toContain('2 people found');
    const results = page.getByRole('table', { name: 'People found' });
    expect(await results.getByRole('row').filter({ hasText: 'Roster Browser' }).textContent()).toContain('Reserve 1');
    expect(await results.getByRole('row').filter({ hasText: 'Second Area' }).textContent()).toContain('Awaiting selection');
    await expectNoAccessibilityViolations();
    await results.getByRole('link', { name: 'Roster of Roster Browser' }).click();
    expect(new URL(page.url()).pathname).toBe(`/staff/areas/${AREA}/roster`);
  });
});
