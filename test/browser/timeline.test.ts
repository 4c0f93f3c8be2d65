import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { timelineKinds } from '@pip/domain';
import { recordStageEntered } from '@pip/functions/use-cases/area-workflow/enter-stage';
import { localStaff, type RunningPlatform } from '@pip/local';
import { DynamoAreaProgressStore } from '@pip/storage';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { startTestPlatform, storesOf } from '../support/platform';
import { apply, openArea, type Applicant } from '../support/programme-data';
import { staffSession } from '../support/staff-session';

/* An area's timeline as a signed-in member of staff reads it: kinds, filter, pages, CSV. */
const AREA = 'timeline-browser';
let platform: RunningPlatform;
let browser: Browser;
let page: Page;
let amira: Applicant;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  page = await browser.newPage({ baseURL: platform.url.replace('localhost', '127.0.0.1') });
  await openArea(platform, AREA, 'Timeline Browser');
  amira = await apply(platform, AREA, 'tb-amira', { fullName: 'Amira <b>Timeline</b>' });
  const sam = staffSession(platform, localStaff[0]);
  await sam.post(`/staff/areas/${AREA}/applications/${amira.applicationId}/reviews`, { roleFit: '4', partnershipExperience: '3', commitment: '5', note: 'Strong <i>partnership</i> record' });
  const stores = storesOf(platform);
  await recordStageEntered({ progress: new DynamoAreaProgressStore(stores.documents, platform.tableName), audit: stores.audit, clock: { now: () => new Date() } }, AREA, 'recruitment', 'Recruitment opened');
  // Enough older entries for a second page.
  const base = Date.now() - 86_400_000;
  for (let index = 0; index < 55; index += 1) {
    await stores.audit.record({
      areaId: AREA,
      entryId: randomUUID(),
      at: new Date(base + index * 60_000).toISOString(),
      actor: { name: 'Test set-up' },
      action: `Earlier entry ${index}`,
      summary: 'From before.',
      kind: timelineKinds[index % timelineKinds.length]!,
    });
  }
  stores.documents.destroy();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('the timeline of an area', () => {
  it('opens from the area page, shows each kind as a tag with UK times, names people as text, and passes axe', async () => {
    await page.goto(`/staff/areas/${AREA}`);
    await page.getByLabel('Sam Rivers').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: /^Timeline/u }).click();
    expect(new URL(page.url()).pathname).toBe(`/staff/areas/${AREA}/timeline`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Timeline');
    const table = page.getByRole('table', { name: 'Timeline of Timeline Browser, newest first' });
    expect(await table.getByRole('row').count()).toBe(51);
    const received = table.getByRole('row').filter({ has: page.locator('strong', { hasText: /^Application received$/u }) });
    expect(await received.getByRole('cell').nth(1).textContent()).toBe('Form');
    expect(await received.textContent()).toContain(`About: Amira <b>Timeline</b> (${amira.applicationId})`);
    expect(await received.getByRole('cell').first().textContent()).toMatch(/^\d{1,2} \w+ \d{4} at \d{1,2}:\d{2}(am|pm)$/u);
    await table.getByRole('row').filter({ hasText: 'Application reviewed' }).getByText('After').click();
    expect(await table.getByRole('row').filter({ hasText: 'Application reviewed' }).textContent()).toContain('Note: Strong <i>partnership</i> record');
    await page.screenshot({ path: '/tmp/timeline-page.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('filters by kind with a form that needs no script, keeps the filter on the CSV link, and pages older and newer', async () => {
    await page.goto(`/staff/areas/${AREA}/timeline`);
    await page.getByRole('group', { name: 'Show only' }).getByLabel('Workflow').check();
    await page.getByRole('button', { name: 'Show entries' }).click();
    expect(new URL(page.url()).search).toBe('?kind=workflow');
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.filter({ hasText: 'Stage entered: Recruitment open' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Application received' }).count()).toBe(0);
    expect(await rows.count()).toBe(1 + 1 + 9); // The stage entered, and the nine earlier workflow entries.
    expect(await page.getByRole('link', { name: /^Download the workflow entries/u }).getAttribute('href')).toBe(`/staff/areas/${AREA}/timeline.csv?kind=workflow`);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`/staff/areas/${AREA}/timeline`);
    const pages = page.getByRole('navigation', { name: 'Pages of the timeline' });
    expect(await pages.getByRole('link', { name: /Newer/u }).count()).toBe(0);
    await pages.getByRole('link', { name: /Older/u }).click();
    // Sixty entries: fifty on the newest page, ten on the next, the oldest of them first added.
    const older = page.getByRole('table').getByRole('row');
    expect(await older.count()).toBe(1 + 10);
    expect(await older.last().textContent()).toContain('Earlier entry 0');
    expect(await pages.getByRole('link', { name: /Older/u }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/timeline-page-2.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await pages.getByRole('link', { name: /Newer/u }).click();
    expect(await page.getByRole('table').getByRole('row').count()).toBe(1 + 50);
    expect(await pages.getByRole('link', { name: /Newer/u }).count()).toBe(0);
  });
});
