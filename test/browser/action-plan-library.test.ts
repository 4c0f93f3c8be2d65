import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningPlatform } from '@pip/local';
import { DynamoActionPlanStore } from '@pip/storage';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { startTestPlatform, storesOf } from '../support/platform';
import { openArea } from '../support/programme-data';

/* Staff tag and share an action plan's objectives on the progress reviews page, then read the library: by keyboard-free clicks, no JavaScript, and axe-clean. */
const AREA = 'library-browser';
const SHOTS = process.env.SHOTS_DIR;
let platform: RunningPlatform;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  page = await browser.newPage({ baseURL: platform.url.replace('localhost', '127.0.0.1') });
  await openArea(platform, AREA, 'Kestrel Bay', 'south-west');
  const stores = storesOf(platform);
  await new DynamoActionPlanStore(stores.documents, platform.tableName).save({
    areaId: AREA,
    objectives: [
      { objectiveId: 'objective-1', text: 'A joint commissioning framework with full cost recovery' },
      { objectiveId: 'objective-2', text: 'Terms of reference for the health and wellbeing partnership' },
    ],
    agreedAt: new Date().toISOString(),
    agreedBy: 'Sam Rivers',
  });
  stores.documents.destroy();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('sharing objectives in the library', () => {
  it('refuses sharing without a theme, then shares, and the library shows the objective by theme and region', async () => {
    await page.goto(`/staff/areas/${AREA}/progress-reviews`);
    await page.getByLabel('Sam Rivers').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByText('Shared objectives are shown without the area’s name: check the wording names nobody.').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Share objective 2 in the library').check();
    await page.getByRole('button', { name: 'Save themes and sharing' }).click();
    expect(await page.title()).toMatch(/^Error: /u);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Choose at least one theme for objective 2 to share it');
    expect(await page.getByLabel('Share objective 2 in the library').isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/sharing-error.png`, fullPage: true });

    const second = page.getByRole('group', { name: /^Objective 2:/u });
    await second.getByLabel('Governance').check();
    await page.getByRole('group', { name: /^Objective 1:/u }).getByLabel('Funding mechanisms').check();
    await page.getByRole('button', { name: 'Save themes and sharing' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The themes and sharing are saved.');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/sharing-saved.png`, fullPage: true });

    await page.getByRole('link', { name: 'Library of action plans' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/staff/library');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Library of action plans');
    const governance = page.getByRole('table', { name: /^Governance:/u });
    expect(await governance.getByRole('cell').allTextContents()).toEqual(['Terms of reference for the health and wellbeing partnership', 'South West', 'Not yet reviewed', 'None yet']);
    expect(await page.getByRole('table', { name: /^Funding mechanisms:/u }).count()).toBe(0);
    expect(await page.content()).not.toMatch(/Kestrel/u);
    expect(await accessibilityViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/library.png`, fullPage: true });

    await page.getByLabel('Region').selectOption({ label: 'South West' });
    await page.getByLabel('Theme').selectOption({ label: 'Governance' });
    await page.getByRole('button', { name: 'Show objectives' }).click();
    expect(new URL(page.url()).search).toBe('?theme=governance&region=south-west');
    expect(await page.locator('main').getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Governance']);
    expect(await accessibilityViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/library-filtered.png`, fullPage: true });

    await page.goto('/staff/regions/south-west/learning-event');
    expect(await page.getByRole('table', { name: 'Shared objectives by theme' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/learning-event.png`, fullPage: true });
  });
});
