import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localStaff, type RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { emailsTo } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { staffSession } from '../support/staff-session';

const AREA = 'confirm-test';
let platform: RunningPlatform;
let browser: Browser;
let page: Page;
let people: Applicant[];

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  // The browser must reach the site by the name its cookies are set for.
  page = await browser.newPage({ baseURL: platform.url.replace('localhost', '127.0.0.1') });
  await openArea(platform, AREA, 'Confirm Test');
  people = [
    await apply(platform, AREA, 'confirm-la', { fullName: 'Carla Council' }),
    await apply(platform, AREA, 'confirm-vcs', { fullName: 'Vic Voluntary', sector: 'voluntary-community', organisationKind: 'front-line-organisation' }),
  ];
  const sam = staffSession(platform, localStaff[0]);
  for (const person of people) {
    await sam.post(`/staff/areas/${AREA}/applications/${person.applicationId}/reviews`, { roleFit: '4', partnershipExperience: '4', commitment: '4' });
  }
  await closeRecruitment(platform, AREA);
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function expectNoAccessibilityViolations() {
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('approving a selection, confirmed on a page of its own', () => {
  it('asks first, saying who will be emailed what and that it cannot be undone; cancelling changes nothing', async () => {
    await page.goto(`/staff/areas/${AREA}/selection`);
    await page.getByLabel('Priya Shah').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL(page.url()).pathname).toBe(`/staff/areas/${AREA}/selection`);
    await page.getByLabel('Carla Council leads').check();
    await page.getByLabel('Vic Voluntary leads').check();
    await page.getByRole('button', { name: 'Approve this selection and tell every applicant' }).click();

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Approve the selection for Confirm Test and email both applicants?');
    const body = await page.locator('main').textContent();
    expect(body).toContain('2 applicants are emailed that they have been selected, each with a link to withdraw.');
    expect(body).toContain('Carla Council (selected)');
    expect(body).not.toContain('reserve list.');
    expect(body).toContain('This cannot be undone');
    await expectNoAccessibilityViolations();
    await page.screenshot({ path: '/tmp/selection-confirmation.png', fullPage: true });

    await page.getByRole('link', { name: 'Cancel' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Selection of six plus six');
    expect(await page.locator('body').textContent()).toContain('Approve this selection and tell every applicant');
    for (const person of people) expect((await emailsTo(person.email)).filter((email) => email.subject.startsWith('You have been selected'))).toHaveLength(0);
  });

  it('approves and emails every applicant once confirmed', async () => {
    await page.getByLabel('Carla Council leads').check();
    await page.getByLabel('Vic Voluntary leads').check();
    await page.getByRole('button', { name: 'Approve this selection and tell every applicant' }).click();
    await page.getByRole('button', { name: 'Yes, approve and email every applicant' }).click();

    expect(new URL(page.url()).pathname).toBe(`/staff/areas/${AREA}/selection`);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The selection is approved');
    expect(await page.locator('main').textContent()).toContain('Nobody has withdrawn.');
    await expectNoAccessibilityViolations();
    for (const person of people) {
      await expect.poll(async () => (await emailsTo(person.email)).filter((email) => email.subject.startsWith('You have been selected')).length, { timeout: 60_000 }).toBe(1);
    }
  });
});
