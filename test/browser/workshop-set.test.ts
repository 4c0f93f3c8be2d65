import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pinPlatformClock, type RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { startTestPlatform } from '../support/platform';
import { openArea } from '../support/programme-data';

/* Staff plan the four workshops in Chromium: propose, save, move one, move the later ones too. Screenshots go to /tmp/shots-C. */
const AREA = 'set-browser';
let platform: RunningPlatform;
let browser: Browser;
let page: Page;

const shots = process.env.SHOTS_DIR;
/** The whole page, and the part of it from `from` on, readable at a glance. */
const shoot = async (name: string, from = 'h2:has-text("Workshops")') => {
  if (!shots) return;
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  const top = (await page.locator(from).first().boundingBox())?.y ?? 0;
  await page.screenshot({ path: `${shots}/${name}-part.png`, fullPage: true, clip: { x: 0, y: Math.max(0, top - 40), width: 1280, height: 1500 } });
};
const dateOf = async (name: string) =>
  Promise.all(['day', 'month', 'year'].map((part) => page.locator(`input[name="${name}-${part}"]`).inputValue())).then((parts) => parts.join('/'));
async function fillDate(name: string, date: string) {
  const [year, month, day] = date.split('-');
  await page.locator(`input[name="${name}-day"]`).fill(String(Number(day)));
  await page.locator(`input[name="${name}-month"]`).fill(String(Number(month)));
  await page.locator(`input[name="${name}-year"]`).fill(year!);
}

let unpinClock: (() => void) | undefined;
beforeAll(async () => {
  // The week before the first workshop the test plans, whatever day it runs: the plan's dates are Christmas 2026's.
  unpinClock = pinPlatformClock('2026-11-20T09:00:00.000Z');
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  page = await browser.newPage({ baseURL: platform.url.replace('localhost', '127.0.0.1') });
  await openArea(platform, AREA, 'Setbury');
});
afterAll(async () => {
  unpinClock?.();
  await browser?.close();
  await platform?.stop();
});

describe('planning the four workshops as a set', () => {
  it('fills the schedule form with four dates around Christmas, accessibly, and saves nothing until asked', async () => {
    await page.goto(`/staff/areas/${AREA}/programme`);
    await page.getByLabel('Priya Shah').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('heading', { name: 'Plan the four workshops' }).count()).toBe(1);
    await shoot('1-before-proposing');
    expect(await accessibilityViolations(page)).toEqual([]);

    await fillDate('plan-date', '2026-11-27');
    await page.getByRole('group', { name: 'Weeks between workshops' }).getByLabel('4 weeks').check();
    await page.getByLabel('Council venue').fill('Setbury Civic Centre');
    await page.getByLabel('Voluntary sector venue').fill('Setbury CVS Hall');
    await page.getByLabel('First facilitator', { exact: true }).first().fill('Alex Facilitator');
    await page.getByLabel('Second facilitator', { exact: true }).first().fill('Bea Facilitator');
    await page.getByRole('button', { name: 'Propose the four dates' }).click();
    expect(await dateOf('workshop-2-date')).toBe('29/12/2026');
    expect(await page.locator('body').textContent()).toContain('Workshop 2 would fall on Christmas Day, a bank holiday (Friday 25 December 2026)');
    await shoot('2-proposed');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save the schedule' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The workshop schedule is saved.');
  });

  it('offers to move the later workshops when one moves and the set no longer holds, and moves them', async () => {
    await fillDate('workshop-2-date', '2027-01-12');
    await page.getByRole('button', { name: 'Save the new schedule and send calendar updates' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Workshops 2 and 3 are 2 weeks apart');
    await shoot('3-after-a-move', '.govuk-error-summary');
    await shoot('3b-the-offer-beside-save', 'label[for="intervalOverride"]');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Move workshops 3 and 4 by 14 days too' }).click();
    expect(await dateOf('workshop-3-date')).toBe('9/2/2027');
    expect(await dateOf('workshop-4-date')).toBe('9/3/2027');
    await shoot('4-later-ones-moved', '.govuk-notification-banner');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
