import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { emailsTo } from '../support/inbox';
import { startTestPlatform, uniqueEmail } from '../support/platform';
import { openArea } from '../support/programme-data';

let platform: RunningPlatform;
let browser: Browser;
let page: Page;
let base: string;
const SHOTS = process.env.PIP_SCREENSHOTS;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  base = platform.url.replace('localhost', '127.0.0.1');
  page = await browser.newPage({ baseURL: base });
  await openArea(platform, 'partner-test', 'Partner Test');
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function looksRight(name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('a partner’s nomination link, from staff to candidate', () => {
  const contact = uniqueEmail('consortium');
  let link = '';

  it('is issued by staff, who see what to correct beside each field', async () => {
    await page.goto('/staff/partners');
    await page.getByLabel('Priya Shah').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nomination partners');
    await looksRight('partners-empty');

    await page.getByLabel('Local ChangeUp consortium', { exact: true }).check();
    await page.getByRole('button', { name: 'Send the link' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the name of the local ChangeUp consortium');
    await looksRight('partners-errors');

    await page.getByLabel('Name of the local ChangeUp consortium').fill('Partner Test ChangeUp');
    await page.getByRole('group', { name: 'Areas the consortium nominates for' }).getByLabel('Partner Test').check();
    await page.getByLabel('Contact name').fill('Pat Partner');
    await page.getByLabel('Contact email address').fill(contact);
    await page.getByRole('button', { name: 'Send the link' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('emailed their nomination link');
    expect(await page.locator('table').textContent()).toContain('Link working');
    await looksRight('partners-issued');

    await expect.poll(async () => (await emailsTo(contact)).length, { timeout: 60_000 }).toBe(1);
    link = /\/nominate\/[\w-]{43}(?:\.[a-z0-9-]+)?/u.exec((await emailsTo(contact))[0]!.body.text ?? '')![0];
  });

  it('opens the partner’s form, which knows who is nominating and for which area', async () => {
    await page.goto(link);
    expect(await page.locator('main').textContent()).toContain('You are nominating as Pat Partner of Partner Test ChangeUp');
    await looksRight('nomination-form');
    await page.getByRole('button', { name: 'Send nomination' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the full name of the person you are nominating');
    await looksRight('nomination-errors');

    await page.getByLabel('Full name of the person you are nominating').fill('Cara Candidate');
    await page.getByLabel('Their email address').fill(uniqueEmail('cara'));
    await page.getByLabel('Their organisation').fill('Partner Test CVS');
    await page.getByLabel('Why are you nominating them?').fill('Leads the local compact.');
    await page.getByRole('button', { name: 'Send nomination' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nomination sent');
    await looksRight('nomination-sent');
  });

  it('is withdrawn after staff confirm, and then says so', async () => {
    await page.goto('/staff/partners');
    await page.getByRole('button', { name: 'Withdraw link of Partner Test ChangeUp' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Are you sure you want to withdraw the nomination link of Partner Test ChangeUp?');
    await looksRight('withdraw-confirmation');
    await page.getByRole('button', { name: 'Yes, withdraw the link' }).click();
    expect(await page.locator('table').textContent()).toContain('Withdrawn');
    await looksRight('partners-withdrawn');

    const refused = await page.goto(link);
    expect(refused?.status()).toBe(410);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This nomination link has been withdrawn');
    await looksRight('link-withdrawn');
    expect((await page.goto('/nominate/partner-test'))?.status()).toBe(404);
    await looksRight('old-address');
  });
});
