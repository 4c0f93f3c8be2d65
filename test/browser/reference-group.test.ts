import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localStaff, type RunningPlatform } from '@pip/local';
import { DynamoActionPlanStore, createDocumentClient } from '@pip/storage';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { emailsTo } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { approvePair, staffSession } from '../support/staff-session';

/* A member of the reference group signs in on the local sign-in page and reads what the programme publishes. */
let platform: RunningPlatform;
let browser: Browser;
let page: Page;
let base: string;
const people: Applicant[] = [];
const SHOTS = '/tmp/shots-D';

async function answerEvaluation(person: Applicant, comments: string) {
  const email = (await emailsTo(person.email)).find((received) => received.subject.startsWith('How was the programme?'))!;
  const link = /\/evaluation\/[\w-]{43}(?:\.[\w-]+){0,2}/u.exec(email.body.text ?? '')![0];
  const body = { materials: 'excellent', content: 'good', facilitation: 'good', knowledgeIncreased: 'yes', abilityIncreased: 'no', metExpectations: 'yes', comments };
  await fetch(`${base}${link}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
}

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  base = platform.url.replace('localhost', '127.0.0.1');
  // The browser must reach the site by the name its cookies are set for.
  page = await browser.newPage({ baseURL: base });
  mkdirSync(SHOTS, { recursive: true });
  const sam = staffSession(platform, localStaff[0]);
  const { platformPorts } = await import('@pip/functions/composition-root');
  const { openEvaluation } = await import('@pip/functions/use-cases/evaluation/open-evaluation');
  for (const [areaId, name] of [['browser-ref-a', 'Eastport'], ['browser-ref-b', 'Westbury']] as const) {
    await openArea(platform, areaId, name, 'north-west');
    const council = await apply(platform, areaId, `${areaId}-la`, { fullName: `Gwen ${name} Officer` });
    const voluntary = await apply(platform, areaId, `${areaId}-vcs`, { fullName: `Hari ${name} Chief`, sector: 'voluntary-community', organisationKind: 'other' });
    people.push(council, voluntary);
    await closeRecruitment(platform, areaId);
    await approvePair(sam, areaId, council, voluntary);
    await openEvaluation(platformPorts(), areaId);
  }
  for (const person of people) await answerEvaluation(person, `Comment by ${person.fullName}`);
  const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
  await new DynamoActionPlanStore(documents, platform.tableName).save({
    areaId: 'browser-ref-a',
    objectives: [{ objectiveId: 'objective-1', text: 'A shared grants panel with the voluntary sector' }],
    agreedAt: new Date().toISOString(),
    agreedBy: 'Sam Rivers',
  });
  documents.destroy();
  await sam.post('/staff/areas/browser-ref-a/progress-reviews/sharing', { version: '0', 'themes-objective-1': 'funding', 'share-objective-1': 'yes' });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function expectAccessibleAndShoot(name: string) {
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe('a member of the reference group, in the browser', () => {
  it('is sent to sign in and chooses their own name, landing on their home', async () => {
    await page.goto('/reference');
    expect(page.url()).toContain('/local/staff-sign-in');
    await expectAccessibleAndShoot('01-sign-in');
    await page.getByLabel('Morgan Hale').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL(page.url()).pathname).toBe('/reference');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('What the programme publishes');
    expect(await page.locator('header').textContent()).toContain('Signed in as Morgan Hale');
    await expectAccessibleAndShoot('02-home');
  });

  it('reads the programme report and a region report, published, with no person named', async () => {
    await page.getByRole('link', { name: 'The whole programme' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The whole programme');
    expect(await page.locator('svg[role="img"] title').count()).toBe(1);
    await expectAccessibleAndShoot('03-programme-report');
    const text = (await page.locator('body').textContent()) ?? '';
    for (const person of people) expect(text).not.toContain(person.fullName);
    expect(text).not.toMatch(/Eastport|Westbury/u);
    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByRole('link', { name: 'North West' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('North West');
    await expectAccessibleAndShoot('04-region-report');
  });

  it('reads the library of action plans and narrows it by theme', async () => {
    await page.goto('/reference');
    await page.getByRole('link', { name: 'Read the library of action plans' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Library of action plans');
    expect(await page.locator('body').textContent()).toContain('A shared grants panel with the voluntary sector');
    await expectAccessibleAndShoot('05-library');
    await page.getByLabel('Theme').selectOption('governance');
    await page.getByRole('button', { name: 'Show objectives' }).click();
    expect(new URL(page.url()).pathname).toBe('/reference/library');
    expect(await page.locator('body').textContent()).not.toContain('A shared grants panel');
    await expectAccessibleAndShoot('06-library-governance');
  });

  it('is told a staff page is not for them, with the way back to their own pages', async () => {
    const response = await page.goto('/staff/areas/browser-ref-a');
    expect(response?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This page is for the programme staff');
    await expectAccessibleAndShoot('07-staff-page-refused');
    await page.getByRole('link', { name: 'Go to the reference group’s pages' }).click();
    expect(new URL(page.url()).pathname).toBe('/reference');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto('/reference');
    expect(page.url()).toContain('/local/staff-sign-in');
  });
});
