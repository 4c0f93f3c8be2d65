import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localStaff, type RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { emailsTo } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { approvePair, staffSession } from '../support/staff-session';

/* A staff member cancels a consultancy session through its confirmation page, with a keyboard and a screen reader in mind. */
const AREA = 'confirm-cancel';
let platform: RunningPlatform;
let browser: Browser;
let page: Page;
let council: Applicant;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  // The browser must reach the site by the name its cookies are set for.
  page = await browser.newPage({ baseURL: platform.url.replace('localhost', '127.0.0.1') });
  await openArea(platform, AREA, 'Cancelton');
  council = await apply(platform, AREA, 'cancel-la', { fullName: 'Cara Council' });
  const voluntary = await apply(platform, AREA, 'cancel-vcs', { fullName: 'Val Voluntary', sector: 'voluntary-community', organisationKind: 'infrastructure-body' });
  await closeRecruitment(platform, AREA);
  const sam = staffSession(platform, localStaff[0]);
  expect((await approvePair(sam, AREA, council, voluntary)).status).toBe(303);
  const slot = { facilitator: 'Fay Facilitator', facilitatorEmail: 'fay.cancel@example.org', date: '2027-05-12', start: '10:00', end: '12:00', mode: 'in-person', where: 'Civic Centre' };
  expect((await sam.post(`/staff/areas/${AREA}/consultancy/slots`, slot)).status).toBe(303);
  const consultancy = await (await sam.get(`/staff/areas/${AREA}/consultancy`)).text();
  const slotId = /<option value="([^"]+)"/u.exec(consultancy)![1]!;
  expect((await sam.post(`/staff/areas/${AREA}/consultancy/bookings`, { session: '1', slotId })).status).toBe(303);
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function expectNoAccessibilityViolations() {
  expect(await accessibilityViolations(page)).toEqual([]);
}

const cancellations = async () => (await emailsTo(council.email)).filter((email) => email.subject.startsWith('Cancelled: consultancy session 1'));

describe('cancelling a consultancy session, confirmed on a page of its own', () => {
  it('asks first, naming everyone who will be emailed; going back changes nothing', async () => {
    await page.goto(`/staff/areas/${AREA}/consultancy`);
    await page.getByLabel('Priya Shah').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL(page.url()).pathname).toBe(`/staff/areas/${AREA}/consultancy`);
    await expectNoAccessibilityViolations();
    await page.getByRole('button', { name: 'Cancel session 1' }).click();

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Are you sure you want to cancel consultancy session 1?');
    const body = await page.locator('main').textContent();
    expect(body).toContain('These 3 people will be emailed:');
    for (const name of ['Cara Council', 'Val Voluntary', 'Fay Facilitator']) expect(body).toContain(name);
    expect(body).toContain('The booking cannot be restored once cancelled');
    await expectNoAccessibilityViolations();
    await page.screenshot({ path: '/tmp/cancel-session-confirmation.png', fullPage: true });

    await page.getByRole('link', { name: 'Cancel', exact: true }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Consultancy sessions');
    expect(await cancellations()).toHaveLength(0);
  });

  it('cancels on "Yes", once, and says so', async () => {
    await page.getByRole('button', { name: 'Cancel session 1' }).click();
    await page.getByRole('button', { name: 'Yes, cancel session 1' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The session is cancelled; the leads and the facilitator are emailed.');
    expect(await page.locator('main').textContent()).not.toContain('Cancel session 1');
    await expectNoAccessibilityViolations();
    await page.screenshot({ path: '/tmp/consultancy-after-cancel.png', fullPage: true });
    expect(await cancellations()).toHaveLength(1);
  });

  it('offers to change or remove the slot, now free, each through its own confirmation page', async () => {
    await page.getByRole('link', { name: /Change or remove/u }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Consultancy slot: 12 May 2027');
    await expectNoAccessibilityViolations();
    await page.getByRole('button', { name: 'Remove this slot' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Are you sure you want to remove this slot?');
    await expectNoAccessibilityViolations();
    await page.getByRole('button', { name: 'Yes, remove the slot' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The slot is removed.');
    expect(await page.locator('main').textContent()).toContain('No slots yet.');
  });
});
