import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localStaff, type RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { staffSession } from '../support/staff-session';

/* A person's record and their erasure, as a signed-in member of staff finds and does them. */
const AREA = 'erasure-browser';
let platform: RunningPlatform;
let browser: Browser;
let page: Page;
let person: Applicant;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  // The browser must reach the site by the name its cookies are set for.
  page = await browser.newPage({ baseURL: platform.url.replace('localhost', '127.0.0.1') });
  await openArea(platform, AREA, 'Erasure Browser');
  person = await apply(platform, AREA, 'eb-person', { fullName: 'Ezra <b>Erased</b>', organisation: 'Erasure Council' });
  await apply(platform, AREA, 'eb-other', { fullName: 'Olga Other' });
  await closeRecruitment(platform, AREA);
  const sam = staffSession(platform, localStaff[0]);
  await sam.post(`/staff/areas/${AREA}/applications/${person.applicationId}/reviews`, { roleFit: '4', partnershipExperience: '3', commitment: '5', note: 'Strong on commissioning.' });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function expectNoAccessibilityViolations(name: string) {
  // Set PIP_SCREENSHOTS to a folder to look at each page.
  if (process.env.PIP_SCREENSHOTS) await page.screenshot({ path: join(process.env.PIP_SCREENSHOTS, `${name}.png`), fullPage: true });
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('a person’s record and their erasure', () => {
  it('goes from the search to everything held about the person, every value shown as text', async () => {
    await page.goto('/staff/people');
    await page.getByLabel('Sam Rivers').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Name or email address').fill('ezra');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'See everything we hold about Ezra <b>Erased</b>' }).click();
    expect(new URL(page.url()).pathname).toBe('/staff/people/record');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Everything we hold about ${person.email}`);
    expect(await page.getByRole('heading', { level: 2, name: `Erasure Browser: application ${person.applicationId}` }).count()).toBe(1);
    expect(await page.locator('.govuk-summary-card').filter({ hasText: 'Application' }).first().textContent()).toContain('Ezra <b>Erased</b>');
    expect(await page.getByRole('link', { name: 'Download everything as JSON' }).getAttribute('href')).toBe(`/staff/people/record.json?email=${encodeURIComponent(person.email)}`);
    await expectNoAccessibilityViolations('person-record');
  });

  it('asks to confirm, saying what goes and what stays, then erases and says what changed', async () => {
    await page.getByRole('button', { name: 'Erase this person' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Are you sure you want to erase this person?');
    expect(await page.locator('main').textContent()).toContain('Kept as they are');
    await expectNoAccessibilityViolations('erase-confirmation');
    await page.getByRole('button', { name: 'Yes, erase this person' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The person has been erased');
    const erased = await page.locator('.govuk-summary-card').filter({ hasText: 'Erasure Browser' }).textContent();
    expect(erased).toContain('Erasure Browser');
    expect(erased).toContain('1 application kept under a pseudonym');
    expect(erased).toContain('1 review note removed');
    expect(erased).not.toContain('Ezra');
    await expectNoAccessibilityViolations('erased');
  });

  it('finds nobody afterwards', async () => {
    await page.goto('/staff/people?q=ezra');
    expect(await page.getByRole('status').textContent()).toContain('Nobody’s name or email address contains “ezra”');
    await page.goto(`/staff/people/record?email=${encodeURIComponent(person.email)}`);
    expect(await page.getByRole('status').textContent()).toBe(`We hold nothing about ${person.email}.`);
    await expectNoAccessibilityViolations('nothing-held');
  });
});
