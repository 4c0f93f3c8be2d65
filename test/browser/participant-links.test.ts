import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localStaff, type RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { emailsTo } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { approvePair, staffSession } from '../support/staff-session';

/* The pages people reach from links in their emails, used in a real browser, with no JavaScript of ours. */
const AREA = 'links-test';
let platform: RunningPlatform;
let browser: Browser;
let page: Page;
let lead: Applicant;

async function linkIn(person: Applicant, subjectStart: string, path: string): Promise<string> {
  const email = (await emailsTo(person.email)).find((candidate) => candidate.subject.startsWith(subjectStart));
  expect(email, `an email "${subjectStart}…" to ${person.email}`).toBeDefined();
  return new RegExp(`/${path}/[\\w-]{43}(?:\\.[\\w-]+){0,2}`, 'u').exec(email!.body.text ?? '')![0];
}

async function expectNoAccessibilityViolations() {
  expect(await accessibilityViolations(page)).toEqual([]);
}

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  page = await browser.newPage({ baseURL: platform.url.replace('localhost', '127.0.0.1') });
  const sam = staffSession(platform, localStaff[0]);
  await openArea(platform, AREA, 'Links Test');
  lead = await apply(platform, AREA, 'links-la', { fullName: 'Lena Lead' });
  const voluntary = await apply(platform, AREA, 'links-vcs', { fullName: 'Vic Lead', sector: 'voluntary-community', organisationKind: 'infrastructure-body' });
  await closeRecruitment(platform, AREA);
  expect((await approvePair(sam, AREA, lead, voluntary)).status).toBe(303);
  const slot = { facilitator: 'Fay Facilitator', facilitatorEmail: 'fay@example.org', start: '10:00', end: '12:00', mode: 'in-person', where: 'Civic Centre, Room 2' };
  expect((await sam.post(`/staff/areas/${AREA}/consultancy/slots`, { ...slot, 'date-day': '16', 'date-month': '3', 'date-year': '2027' })).status).toBe(303);
  const [{ platformPorts }, { sendBookingLinks }, { openEvaluation }] = await Promise.all([
    import('@pip/functions/composition-root'),
    import('@pip/functions/use-cases/progress-reviews/send-booking-links'),
    import('@pip/functions/use-cases/evaluation/open-evaluation'),
  ]);
  await sendBookingLinks(platformPorts(), AREA, 1);
  await openEvaluation(platformPorts(), AREA);
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('a lead booking a consultancy session from their email', () => {
  it('picks a time in UK time, books it, and sees it booked', async () => {
    await page.goto(await linkIn(lead, 'Book consultancy session 1', 'consultancy'));
    await expectNoAccessibilityViolations();
    await page.getByRole('button', { name: 'Book this time' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/Choose a time/u);
    await expectNoAccessibilityViolations();
    await page.getByLabel(/10:00am to 12:00pm/u).check();
    await page.getByRole('button', { name: 'Book this time' }).click();
    expect(await page.locator('.govuk-summary-card').textContent()).toContain('Booked');
    expect(await page.locator('main').textContent()).toContain('16 March 2027');
    // Each fact once: the time, the facilitator and the place on rows of their own.
    expect((await page.locator('.govuk-summary-card').textContent())?.match(/Civic Centre, Room 2/gu)).toHaveLength(1);
    // The post answered with its page, read afresh, saying what was done: reloading it books nothing again.
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('Booked. You, the other lead and the facilitator will get an email');
    expect(new URL(page.url()).searchParams.get('done')).toBe('booked');
    await expectNoAccessibilityViolations();
  });
});

describe('a participant evaluating the programme', () => {
  it('is told what is missing, answers, and can change the answers later', async () => {
    const link = await linkIn(lead, 'How was the programme?', 'evaluation');
    await page.goto(link);
    await expectNoAccessibilityViolations();
    await page.getByRole('button', { name: 'Send my evaluation' }).click();
    const summary = await page.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('Rate the content');
    await expectNoAccessibilityViolations();
    for (const group of await page.locator('fieldset').all()) await group.locator('input[type=radio]').first().check();
    await page.getByRole('button', { name: 'Send my evaluation' }).click();
    expect(await page.locator('.govuk-notification-banner--success').count()).toBe(1);
    await page.goto(link);
    expect(await page.locator('input[type=radio]:checked').count()).toBeGreaterThan(0);
  });
});

describe('links that do not work, and the withdrawal page', () => {
  it('explain themselves in accessible pages', async () => {
    await page.goto('/consultancy/not-a-real-token');
    expect(await page.locator('h1').textContent()).toBeTruthy();
    await expectNoAccessibilityViolations();
    await page.goto(await linkIn(lead, 'You have been selected', 'participation'));
    expect(await page.locator('h1').textContent()).toBe('Withdraw from the programme');
    await expectNoAccessibilityViolations();
  });
});
